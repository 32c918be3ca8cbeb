import { modelRunEvent, type ModelVersionForExport } from './model-run-event';
import { parseRunEvent } from './run-event';

const version: ModelVersionForExport = {
  id: '5b0f3c8e-6a8e-4c55-9d0e-2f8b0f1f6a11',
  tenantId: '11ba2146-8d91-42cf-8dac-a007df7766da',
  modelName: 'claim-severity',
  version: '1.2.0',
  artifactUri: 's3://models/claim-severity/1.2.0/',
  riskTier: 'high',
  registeredAt: new Date('2026-11-30T09:00:00.000Z'),
  datasets: [
    { sourceUri: 's3://data/claims/2024.1/', purpose: 'training' },
    { sourceUri: 's3://data/claims/2024.2/', purpose: 'evaluation' },
  ],
  trainingRun: null,
};
const ledger = { index: 12, sealedAt: new Date('2026-11-30T09:00:00.300Z') };

describe('a model version as an OpenLineage training run (export)', () => {
  it('is a valid COMPLETE event: datasets in, artifact out, governance in the run facet', () => {
    const parsed = parseRunEvent(modelRunEvent(version, { status: 'draft', change: null, ledger }), { maxJsonDepth: 64 });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event).toMatchObject({
      eventType: 'COMPLETE',
      run: { runId: version.id },
      job: { namespace: `attest/${version.tenantId}`, name: 'claim-severity.training' },
    });
    expect(parsed.event.inputs.map((i) => `${i.namespace} ${i.name}`)).toEqual(['s3://data claims/2024.1', 's3://data claims/2024.2']);
    expect(parsed.event.outputs.map((o) => `${o.namespace} ${o.name}`)).toEqual(['s3://models claim-severity/1.2.0']);
    expect(parsed.event.run.facets.attest_governance).toMatchObject({
      subject: 'model_version',
      modelVersion: 'claim-severity 1.2.0',
      riskTier: 'high',
      lifecycleStatus: 'draft',
      lifecycleChange: null,
      ledgerIndex: 12,
    });
  });

  it('tells a lifecycle transition as an OTHER event of the same run, with who moved it and who approved', () => {
    const change = {
      from: 'in_review',
      to: 'approved',
      at: new Date('2026-12-01T10:00:00.000Z'),
      actorRoles: ['compliance_officer'],
      approvals: 2,
      approverRoles: ['admin', 'compliance_officer'],
    };
    const parsed = parseRunEvent(modelRunEvent(version, { status: 'approved', change, ledger: { ...ledger, index: 40 } }), {
      maxJsonDepth: 64,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event.eventType).toBe('OTHER');
    expect(parsed.event.eventTime.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(parsed.event.run.facets.attest_governance).toMatchObject({
      lifecycleStatus: 'approved',
      lifecycleChange: { ...change, at: '2026-12-01T10:00:00.000Z' },
      ledgerIndex: 40,
    });
  });

  it("adds to the data platform's own training run when one produced the artifact, and never restates its state", () => {
    const trainingRun = { runId: '0191e7a4-5b1c-7d2e-8f3a-4b5c6d7e8f90', namespace: 'airflow-prod', name: 'train_claim_severity.fit' };
    const event = modelRunEvent({ ...version, trainingRun }, { status: 'draft', change: null, ledger }) as Record<string, any>;
    expect(event).toMatchObject({
      eventType: 'OTHER',
      run: { runId: trainingRun.runId },
      job: { namespace: 'airflow-prod', name: 'train_claim_severity.fit' },
    });
  });
});

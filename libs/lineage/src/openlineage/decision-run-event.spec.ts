import { decisionRunEvent, datasetOf } from './decision-run-event';
import { externalNodeId } from './external-ids';
import { parseRunEvent } from './run-event';

const decision = {
  id: '632d27c0-d774-48f0-81ba-5706d5147740',
  tenantId: '11ba2146-8d91-42cf-8dac-a007df7766da',
  automationKey: 'claims-triage',
  recordedAt: new Date('2026-12-01T11:46:36.634Z'),
  modelVersion: { artifactUri: 's3://models/claim-severity/1.0.0/model.onnx' },
  sources: [{ sourceUri: 's3://data/claims/2024.1/' }, { namespace: 'postgres://crm:5432', name: 'public.customers' }],
  status: 'pending_review',
  policy: {
    packDigest: 'c7e02a03',
    effect: 'require_review',
    matched: [{ id: 'high-risk-human-oversight', version: 1, effect: 'require_review' }],
  },
  ledger: { index: 60, sealedAt: new Date('2026-12-01T11:46:36.827Z') },
};

describe('a decision as an OpenLineage run event (export)', () => {
  it('is a valid RunEvent carrying the governance facet, the model and the sources, and none of the content', () => {
    const event = decisionRunEvent(decision);
    const parsed = parseRunEvent(event, { maxJsonDepth: 64 });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event.eventType).toBe('COMPLETE');
    expect(parsed.event.run.runId).toBe(decision.id);
    expect(parsed.event.run.facets.attest_governance).toMatchObject({
      subject: 'decision',
      status: 'pending_review',
      policyPackDigest: 'c7e02a03',
      policyEffect: 'require_review',
      reviewVerdict: null,
      reviewerRoles: [],
      ledgerIndex: 60,
      sealedAt: '2026-12-01T11:46:36.827Z',
    });
    expect(parsed.event.inputs.map((i) => `${i.namespace} ${i.name}`)).toEqual([
      's3://models claim-severity/1.0.0/model.onnx',
      's3://data claims/2024.1',
      'postgres://crm:5432 public.customers',
    ]);
    expect(JSON.stringify(event)).not.toMatch(/input"|output"|context"/);
  });

  it('tells a review as an OTHER event of the same run, at the review time, with the verdict and both ledger indexes', () => {
    const review = {
      verdict: 'approve',
      reviewerRoles: ['compliance_officer'],
      reviewedAt: new Date('2026-12-01T12:00:00.000Z'),
      ledger: { index: 75, sealedAt: new Date('2026-12-01T12:00:00.200Z') },
    };
    const parsed = parseRunEvent(decisionRunEvent(decision, review), { maxJsonDepth: 64 });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.event).toMatchObject({ eventType: 'OTHER', run: { runId: decision.id }, job: { name: 'claims-triage' } });
    expect(parsed.event.eventTime.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(parsed.event.run.facets.attest_governance).toMatchObject({
      reviewVerdict: 'approve',
      reviewerRoles: ['compliance_officer'],
      reviewedAt: '2026-12-01T12:00:00.000Z',
      reviewLedgerIndex: 75,
      ledgerIndex: 60,
    });
  });

  it('names datasets as the ingest does, so an event sent back to Attest lands on the same nodes', () => {
    const { namespace, name } = datasetOf('s3://data/claims/2024.1/');
    expect(externalNodeId('external_dataset', namespace, name)).toBe(externalNodeId('external_dataset', 's3://data', 'claims/2024.1'));
    expect(datasetOf('warehouse://snowflake')).toEqual({ namespace: 'warehouse://snowflake', name: '/' });
  });

  it('leaves the governance fields empty, not absent, for an unjudged, unreviewed, unsealed decision', () => {
    const event = decisionRunEvent({ ...decision, policy: null, ledger: null, sources: [] }) as {
      run: { facets: { attest_governance: Record<string, unknown> } };
    };
    expect(event.run.facets.attest_governance).toMatchObject({
      policyPackDigest: null,
      reviewVerdict: null,
      ledgerIndex: null,
      matchedPolicies: [],
      reviewerRoles: [],
    });
  });
});

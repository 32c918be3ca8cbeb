import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const MOVE_MODEL =
  'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status approvedBy } }';
const MOVE_AUTOMATION =
  'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionAutomationVersion(id: $id, to: $to, rationale: $r) { status } }';

describe('lifecycle gates: the active policy pack judges transitions', () => {
  let t: TestApp;
  let owner: { id: string; key: string };
  let automationOwner: { id: string; key: string };
  let officerA: { id: string; key: string };
  let officerB: { id: string; key: string };
  let modelId: string;
  let sensitiveData: string;
  const newVersion = async (version: string, extra: Record<string, unknown>) =>
    ok(
      await t.gql(owner.key, 'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
        i: {
          modelId,
          version,
          artifactUri: 's3://m/v',
          artifactDigest: `sha256:${'b'.repeat(64)}`,
          framework: 'xgboost',
          riskTier: 'HIGH',
          ...extra,
        },
      }),
    ).registerModelVersion.id as string;
  const documented = { intendedUse: 'Rank claims', limitations: 'Motor only', metrics: [{ name: 'accuracy', value: 0.91 }] };
  const move = (key: string, id: string, to: string, r = `to ${to}`) => t.gql(key, MOVE_MODEL, { id, to, r });

  beforeAll(async () => {
    t = await startTestApp();
    owner = await principalWithRole(t, 'model_owner');
    automationOwner = await principalWithRole(t, 'automation_owner');
    officerA = await principalWithRole(t, 'compliance_officer');
    officerB = await principalWithRole(t, 'compliance_officer');
    modelId = ok(await t.gql(owner.key, 'mutation { registerModel(input: { name: "claim-severity" }) { id } }')).registerModel.id;
    // Registered before the pack is active (the pack would refuse it): special-category data without provenance.
    const dataset = ok(await t.gql(owner.key, 'mutation { registerDataset(input: { name: "health" }) { id } }')).registerDataset.id;
    sensitiveData = ok(
      await t.gql(
        owner.key,
        `mutation { registerDatasetVersion(input: { datasetId: "${dataset}", version: "1",
      sourceUri: "s3://d/h", digest: "sha256:${'c'.repeat(64)}", piiClasses: ["special_category"] }) { id } }`,
      ),
    ).registerDatasetVersion.id;
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });
  afterAll(() => t?.close());

  it('needs two distinct approvers for a high-risk model version: the first approval is recorded, the second approves', async () => {
    const id = await newVersion('1.0.0', documented);
    ok(await move(owner.key, id, 'IN_REVIEW'));
    expect(ok(await move(officerA.key, id, 'APPROVED', 'first review')).transitionModelVersion).toEqual({
      status: 'IN_REVIEW',
      approvedBy: null,
    });
    expect(errorCode(await move(officerA.key, id, 'APPROVED', 'again'))).toBe('CONFLICT');
    expect(ok(await move(officerB.key, id, 'APPROVED', 'second review')).transitionModelVersion).toEqual({
      status: 'APPROVED',
      approvedBy: officerB.id,
    });
    const events = ok(
      await t.gql(
        t.adminKey,
        `{ auditEvents(filter: { subjectId: "${id}", action: "model_version." }) { edges { node { action after } } } }`,
      ),
    );
    const actions = events.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions).toEqual([
      'model_version.transitioned',
      'model_version.approval_recorded',
      'model_version.transitioned',
      'model_version.registered',
    ]);
    expect(events.auditEvents.edges[1].node.after).toMatchObject({
      approverCount: 1,
      policy: { effect: 'require_review', matched: [{ id: 'high-risk-approval-two-approvers' }] },
    });
    expect(events.auditEvents.edges[0].node.after).toMatchObject({ status: 'approved', approverCount: 2, policy: { effect: 'allow' } });
  });

  it('starts counting afresh when a version is sent back and resubmitted', async () => {
    const id = await newVersion('1.0.1', documented);
    ok(await move(owner.key, id, 'IN_REVIEW'));
    ok(await move(officerA.key, id, 'APPROVED'));
    ok(await move(owner.key, id, 'DRAFT', 'fixing the model card'));
    ok(await move(owner.key, id, 'IN_REVIEW'));
    expect(ok(await move(officerB.key, id, 'APPROVED')).transitionModelVersion.status).toBe('IN_REVIEW');
  });

  it('refuses to approve an undocumented high-risk version: POLICY_DENIED, and no approval is kept', async () => {
    const id = await newVersion('2.0.0', {});
    ok(await move(owner.key, id, 'IN_REVIEW'));
    const res = await move(officerA.key, id, 'APPROVED');
    expect(errorCode(res)).toBe('POLICY_DENIED');
    expect(res.errors![0].extensions.policies).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'high-risk-approval-documentation' })]),
    );
    // Rolled back with the denial: the same officer is not told "already approved".
    expect(errorCode(await move(officerA.key, id, 'APPROVED'))).toBe('POLICY_DENIED');
  });

  it('refuses to deploy a high-risk production automation without human oversight', async () => {
    const automation = ok(
      await t.gql(automationOwner.key, 'mutation { registerAutomation(input: { key: "triage", name: "Triage" }) { id } }'),
    ).registerAutomation.id;
    const version = ok(
      await t.gql(
        automationOwner.key,
        `mutation { registerAutomationVersion(input: { automationId: "${automation}", version: "1",
      purpose: "Claims triage", riskClass: HIGH, oversightMode: NONE, environment: PRODUCTION, modelVersionIds: [] }) { id } }`,
      ),
    ).registerAutomationVersion.id;
    ok(await t.gql(automationOwner.key, MOVE_AUTOMATION, { id: version, to: 'IN_REVIEW', r: 'ready' }));
    expect(
      ok(await t.gql(officerA.key, MOVE_AUTOMATION, { id: version, to: 'APPROVED', r: 'reviewed' })).transitionAutomationVersion.status,
    ).toBe('APPROVED');
    const res = await t.gql(automationOwner.key, MOVE_AUTOMATION, { id: version, to: 'DEPLOYED', r: 'go live' });
    expect(errorCode(res)).toBe('POLICY_DENIED');
    expect(res.errors![0].extensions.policies).toEqual([expect.objectContaining({ id: 'high-risk-deployment-needs-oversight' })]);
    expect(ok(await t.gql(automationOwner.key, `{ automationVersion(id: "${version}") { status } }`)).automationVersion.status).toBe(
      'APPROVED',
    );
  });

  it('refuses to deploy an automation whose models were trained on special-category data without provenance (lineage facts)', async () => {
    const id = await newVersion('3.0.0', { ...documented, riskTier: 'LOW', trainingDatasetVersionIds: [sensitiveData] });
    ok(await move(owner.key, id, 'IN_REVIEW'));
    ok(await move(officerA.key, id, 'APPROVED'));
    const automation = ok(
      await t.gql(automationOwner.key, 'mutation { registerAutomation(input: { key: "health-triage", name: "Health triage" }) { id } }'),
    ).registerAutomation.id;
    const version = ok(
      await t.gql(
        automationOwner.key,
        `mutation { registerAutomationVersion(input: { automationId: "${automation}", version: "1",
      purpose: "Health claims", riskClass: LIMITED, oversightMode: SAMPLE, environment: STAGING, modelVersionIds: ["${id}"] }) { id } }`,
      ),
    ).registerAutomationVersion.id;
    ok(await t.gql(automationOwner.key, MOVE_AUTOMATION, { id: version, to: 'IN_REVIEW', r: 'ready' }));
    ok(await t.gql(officerA.key, MOVE_AUTOMATION, { id: version, to: 'APPROVED', r: 'reviewed' }));
    const res = await t.gql(automationOwner.key, MOVE_AUTOMATION, { id: version, to: 'DEPLOYED', r: 'go live' });
    expect(errorCode(res)).toBe('POLICY_DENIED');
    expect(res.errors![0].extensions.policies).toEqual([expect.objectContaining({ id: 'deploy-requires-special-category-provenance' })]);
  });
});

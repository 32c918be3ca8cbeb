import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const REGISTER = `mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id domain riskClass } }`;

describe('risk policies at registration (automation.register, dataset.register)', () => {
  let t: TestApp;
  let owner: { id: string; key: string };
  let automationId: string;
  let digest: string;
  const version = (v: string, overrides: Record<string, unknown>) => ({
    i: {
      automationId,
      version: v,
      purpose: 'Screens job applications',
      oversightMode: 'REQUIRED',
      environment: 'PRODUCTION',
      modelVersionIds: [],
      ...overrides,
    },
  });

  beforeAll(async () => {
    t = await startTestApp();
    digest = ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'))
      .activatePolicyPack.digest;
    owner = await principalWithRole(t, 'automation_owner');
    automationId = ok(
      await t.gql(owner.key, 'mutation { registerAutomation(input: { key: "cv-screening", name: "CV screening" }) { id } }'),
    ).registerAutomation.id;
  });
  afterAll(() => t?.close());

  it('refuses an Annex III domain declared below high risk with POLICY_DENIED naming the policy, and stores nothing', async () => {
    const res = await t.gql(owner.key, REGISTER, version('1', { domain: 'employment', riskClass: 'LIMITED' }));
    expect(errorCode(res)).toBe('POLICY_DENIED');
    expect(res.errors![0].message).toMatch(/Annex III/);
    expect(res.errors![0].extensions).toMatchObject({
      packDigest: digest,
      policies: [{ id: 'annex-iii-domain-requires-high-risk', version: 1, frameworks: expect.arrayContaining(['EU-AI-Act:Annex-III']) }],
    });
    const versions = ok(await t.gql(owner.key, `{ automation(id: "${automationId}") { versions { id } } }`)).automation.versions;
    expect(versions).toEqual([]);
    const events = ok(
      await t.gql(t.adminKey, '{ auditEvents(filter: { action: "automation_version.registered" }) { edges { node { id } } } }'),
    );
    expect(events.auditEvents.edges).toEqual([]);
  });

  it('refuses a prohibited practice (unacceptable risk)', async () => {
    const res = await t.gql(owner.key, REGISTER, version('1', { domain: 'marketing', riskClass: 'UNACCEPTABLE' }));
    expect(errorCode(res)).toBe('POLICY_DENIED');
    expect(res.errors![0].extensions.policies).toEqual([expect.objectContaining({ id: 'deny-unacceptable-risk-registration' })]);
  });

  it('registers the same automation declared high risk, with the verdict and pack digest in the audit event', async () => {
    const { registerAutomationVersion } = ok(await t.gql(owner.key, REGISTER, version('1', { domain: 'employment', riskClass: 'HIGH' })));
    expect(registerAutomationVersion).toMatchObject({ domain: 'employment', riskClass: 'HIGH' });
    const events = ok(
      await t.gql(t.adminKey, `{ auditEvents(filter: { subjectId: "${registerAutomationVersion.id}" }) { edges { node { after } } } }`),
    );
    expect(events.auditEvents.edges[0].node.after.policy).toEqual({ packDigest: digest, effect: 'allow', matched: [] });
  });

  it('validates the domain format', async () => {
    expect(errorCode(await t.gql(owner.key, REGISTER, version('2', { domain: 'Human Resources', riskClass: 'HIGH' })))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('judges nothing in a tenant without an active pack', async () => {
    const other = await createTenant(t, 'no-pack');
    const otherOwner = await principalWithRole(t, 'automation_owner', { adminKey: other.adminKey });
    const otherAutomation = ok(await t.gql(otherOwner.key, 'mutation { registerAutomation(input: { key: "cv", name: "CV" }) { id } }'))
      .registerAutomation.id;
    const res = await t.gql(otherOwner.key, REGISTER, {
      i: { ...version('1', { domain: 'employment', riskClass: 'LIMITED' }).i, automationId: otherAutomation },
    });
    expect(ok(res).registerAutomationVersion.riskClass).toBe('LIMITED');
  });

  it('refuses special-category data without provenance, and accepts it with provenance', async () => {
    const modelOwner = await principalWithRole(t, 'model_owner');
    const datasetId = ok(await t.gql(modelOwner.key, 'mutation { registerDataset(input: { name: "health-claims" }) { id } }'))
      .registerDataset.id;
    const register = (version: string, provenance?: string) =>
      t.gql(modelOwner.key, 'mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
        i: {
          datasetId,
          version,
          sourceUri: 's3://d/health/',
          digest: `sha256:${'e'.repeat(64)}`,
          piiClasses: ['health', 'special_category'],
          provenance,
        },
      });
    const denied = await register('1');
    expect(errorCode(denied)).toBe('POLICY_DENIED');
    expect(denied.errors![0].extensions.policies).toEqual([expect.objectContaining({ id: 'dataset-special-category-provenance' })]);
    const accepted = ok(await register('1', 'Claims system export; explicit consent (GDPR Art. 9(2)(a)) recorded in CR-2025-4'));
    const events = ok(
      await t.gql(
        t.adminKey,
        `{ auditEvents(filter: { subjectId: "${accepted.registerDatasetVersion.id}" }) { edges { node { after } } } }`,
      ),
    );
    expect(events.auditEvents.edges[0].node.after.policy).toMatchObject({ packDigest: digest, effect: 'allow' });
  });
});

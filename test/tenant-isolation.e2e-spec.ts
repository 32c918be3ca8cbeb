import { DataSource } from 'typeorm';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const ROLES = ['admin', 'model_owner', 'automation_owner', 'compliance_officer', 'auditor', 'service'];

/** A tenant's registry objects, made through the API by its admin. */
async function populate(t: TestApp, adminKey: string, label: string) {
  const me = ok(await t.gql(adminKey, '{ me { id roles { id } } }')).me;
  const model = ok(await t.gql(adminKey, `mutation { registerModel(input: { name: "${label}-model" }) { id } }`)).registerModel;
  const version = ok(
    await t.gql(
      adminKey,
      `mutation { registerModelVersion(input: {
      modelId: "${model.id}", version: "1.0.0", artifactUri: "s3://m/${label}", artifactDigest: "sha256:${'a'.repeat(64)}",
      framework: "xgboost", riskTier: HIGH }) { id } }`,
    ),
  ).registerModelVersion;
  const keys = ok(await t.gql(adminKey, '{ apiKeys { id } }')).apiKeys;
  const dataset = ok(await t.gql(adminKey, `mutation { registerDataset(input: { name: "${label}-data" }) { id } }`)).registerDataset;
  const datasetVersion = ok(
    await t.gql(
      adminKey,
      `mutation { registerDatasetVersion(input: { datasetId: "${dataset.id}", version: "1",
      sourceUri: "s3://d/${label}", digest: "sha256:${'d'.repeat(64)}", piiClasses: ["contact"] }) { id } }`,
    ),
  ).registerDatasetVersion;
  const automation = ok(
    await t.gql(adminKey, `mutation { registerAutomation(input: { key: "${label}-triage", name: "${label} triage" }) { id } }`),
  ).registerAutomation;
  const automationVersion = ok(
    await t.gql(
      adminKey,
      `mutation { registerAutomationVersion(input: { automationId: "${automation.id}", version: "1",
      purpose: "triage", riskClass: HIGH, oversightMode: SAMPLE, environment: PRODUCTION, modelVersionIds: ["${version.id}"] }) { id } }`,
    ),
  ).registerAutomationVersion;
  return {
    adminId: me.id,
    bindingId: me.roles[0].id,
    modelId: model.id,
    versionId: version.id,
    keyId: keys[0].id,
    datasetId: dataset.id,
    datasetVersionId: datasetVersion.id,
    automationId: automation.id,
    automationVersionId: automationVersion.id,
  };
}

describe('tenant isolation', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof populate>>;
  let b: Awaited<ReturnType<typeof populate>>;
  let tenantA: string;
  let tenantB: { tenantId: string; adminKey: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id;
    tenantB = await createTenant(t, 'other-co');
    a = await populate(t, t.adminKey, 'a');
    b = await populate(t, tenantB.adminKey, 'b');
  });
  afterAll(() => t?.close());

  describe('in the database (row-level security)', () => {
    const inTenant = <T>(tenantId: string | null, work: (q: (sql: string, p?: unknown[]) => Promise<any[]>) => Promise<T>) =>
      t.app.get(DataSource).transaction(async (m) => {
        if (tenantId) await m.query(`SELECT set_config('attest.tenant_id', $1, true)`, [tenantId]);
        return work((sql, p) => m.query(sql, p));
      });

    it('connects as a role that is neither superuser nor BYPASSRLS', async () => {
      const [role] = await inTenant(null, (q) =>
        q('SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user'),
      );
      expect(role).toEqual({ name: 'attest_app', rolsuper: false, rolbypassrls: false });
    });

    it('shows each tenant only its own rows, and nothing without a tenant setting', async () => {
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      expect(ids(await inTenant(tenantA, (q) => q('SELECT id FROM models')))).toEqual([a.modelId]);
      expect(ids(await inTenant(tenantB.tenantId, (q) => q('SELECT id FROM models')))).toEqual([b.modelId]);
      for (const table of [
        'tenants',
        'principals',
        'models',
        'model_versions',
        'api_keys',
        'role_bindings',
        'audit_events',
        'policy_pack_activations',
      ]) {
        const [row] = await inTenant(null, (q) => q(`SELECT count(*)::int AS n FROM ${table}`));
        expect({ table, n: row.n }).toEqual({ table, n: 0 });
      }
      const [other] = await inTenant(tenantB.tenantId, (q) => q('SELECT count(*)::int AS n FROM models WHERE id = $1', [a.modelId]));
      expect(other.n).toBe(0);
    });

    it('refuses to write rows into another tenant or move them there', async () => {
      await expect(
        inTenant(tenantB.tenantId, (q) =>
          q(`INSERT INTO models (tenant_id, name, owner_id) VALUES ($1, 'sneaky', $2)`, [tenantA, a.adminId]),
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        inTenant(tenantB.tenantId, (q) => q('UPDATE models SET tenant_id = $1 WHERE id = $2', [tenantA, b.modelId])),
      ).rejects.toThrow(/row-level security/);
      const [updated] = await inTenant(tenantB.tenantId, (q) => q(`UPDATE models SET name = 'x' WHERE id = $1 RETURNING id`, [a.modelId]));
      expect(updated).toEqual([]);
    });

    it('keeps audit events append-only for the application role', async () => {
      await expect(inTenant(tenantA, (q) => q(`UPDATE audit_events SET action = 'forged'`))).rejects.toThrow(/permission denied/);
      await expect(inTenant(tenantA, (q) => q('DELETE FROM audit_events'))).rejects.toThrow(/permission denied/);
    });
  });

  describe('through the GraphQL API (role × operation × tenant)', () => {
    /** Operations aimed at tenant A's objects, performed by principals of tenant B. */
    const attacks = () => [
      `{ model(id: "${a.modelId}") { id } }`,
      `{ modelVersion(id: "${a.versionId}") { id } }`,
      `{ principal(id: "${a.adminId}") { id } }`,
      `mutation { registerModelVersion(input: { modelId: "${a.modelId}", version: "9.9.9", artifactUri: "s3://x/y", artifactDigest: "sha256:${'b'.repeat(64)}", framework: "x", riskTier: LOW }) { id } }`,
      `mutation { transitionModelVersion(id: "${a.versionId}", to: IN_REVIEW, rationale: "cross-tenant") { id } }`,
      `mutation { registerModel(input: { name: "stolen", ownerId: "${a.adminId}" }) { id } }`,
      `mutation { issueApiKey(input: { principalId: "${a.adminId}", name: "stolen" }) { secret } }`,
      `mutation { bindRole(input: { principalId: "${a.adminId}", role: AUDITOR }) { id } }`,
      `mutation { revokeApiKey(id: "${a.keyId}") { id } }`,
      `mutation { unbindRole(id: "${a.bindingId}") { id } }`,
      `{ dataset(id: "${a.datasetId}") { id } }`,
      `{ datasetVersion(id: "${a.datasetVersionId}") { id } }`,
      `{ automation(id: "${a.automationId}") { id } }`,
      `{ automationByKey(key: "a-triage") { id } }`,
      `{ automationVersion(id: "${a.automationVersionId}") { id } }`,
      `mutation { registerDatasetVersion(input: { datasetId: "${a.datasetId}", version: "2", sourceUri: "s3://x/y", digest: "sha256:${'e'.repeat(64)}", piiClasses: ["none"] }) { id } }`,
      `mutation { registerAutomationVersion(input: { automationId: "${a.automationId}", version: "2", purpose: "p", riskClass: MINIMAL, oversightMode: NONE, environment: DEV, modelVersionIds: [] }) { id } }`,
      `mutation { registerAutomationVersion(input: { automationId: "${b.automationId}", version: "x${Math.random().toString(36).slice(2, 8)}", purpose: "p", riskClass: MINIMAL, oversightMode: NONE, environment: DEV, modelVersionIds: ["${a.versionId}"] }) { id } }`,
      `mutation { registerModelVersion(input: { modelId: "${b.modelId}", version: "x${Math.random().toString(36).slice(2, 8)}", artifactUri: "s3://x/y", artifactDigest: "sha256:${'f'.repeat(64)}", framework: "x", riskTier: LOW, trainingDatasetVersionIds: ["${a.datasetVersionId}"] }) { id } }`,
      `mutation { transitionAutomationVersion(id: "${a.automationVersionId}", to: IN_REVIEW, rationale: "cross-tenant") { id } }`,
      `mutation { bindRole(input: { principalId: "${b.adminId}", role: SERVICE, automationId: "${a.automationId}" }) { id } }`,
    ];

    it('gives every role of one tenant no read or write on another tenant', async () => {
      const auditBefore = ok(await t.gql(t.adminKey, '{ auditEvents(first: 100) { edges { node { id } } } }')).auditEvents.edges.length;
      const outcomes: string[] = [];
      for (const role of ROLES) {
        const automationId = role === 'service' ? b.automationId : undefined;
        const p = await principalWithRole(t, role, { adminKey: tenantB.adminKey, automationId });
        for (const query of attacks()) {
          const res = await t.gql(p.key, query);
          const code = errorCode(res);
          outcomes.push(`${role}: ${code}`);
          expect({ role, query, code }).toEqual({ role, query, code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN|VALIDATION_FAILED)$/) });
        }
        for (const list of ['models', 'principals', 'datasets', 'automations']) {
          const res = await t.gql(p.key, `{ ${list} { edges { node { id } } } }`);
          const ids = JSON.stringify(res.data ?? {});
          for (const id of Object.values(a)) expect(ids).not.toContain(id);
        }
      }
      expect(outcomes.length).toBe(ROLES.length * attacks().length);
      const auditAfter = ok(await t.gql(t.adminKey, '{ auditEvents(first: 100) { edges { node { id } } } }')).auditEvents.edges.length;
      expect(auditAfter).toBe(auditBefore);
      expect(ok(await t.gql(t.adminKey, `{ modelVersion(id: "${a.versionId}") { status } }`)).modelVersion.status).toBe('DRAFT');
      expect(ok(await t.gql(t.adminKey, `{ automationVersion(id: "${a.automationVersionId}") { status } }`)).automationVersion.status).toBe(
        'DRAFT',
      );
    });

    it("keeps another tenant's audit trail out of every list", async () => {
      const events = ok(await t.gql(tenantB.adminKey, '{ auditEvents(first: 100) { edges { node { subjectId } } } }')).auditEvents.edges;
      const subjects = events.map((e: { node: { subjectId: string } }) => e.node.subjectId);
      expect(subjects).toContain(b.modelId);
      expect(subjects).not.toContain(a.modelId);
    });
  });
});

import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { createTenant, ok, startTestApp, type TestApp } from './support/test-app';

const digest = (c: string) => `sha256:${c.repeat(64)}`;
const suffix = () => randomBytes(4).toString('hex');

interface Entry {
  index: number | null;
  kind: string;
  factId: string;
  fact: Record<string, any>;
  currentFact: Record<string, any> | null;
}

/**
 * A registered version is an immutable snapshot (issue 13, item 7): its digests and the data it
 * was trained and evaluated on are ledger facts, the database refuses to change them to any role,
 * and an edit made with the guards off is named by verifyLedger at the version's leaf.
 */
describe('registry: registered versions are immutable and in the ledger', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** A tenant of its own (its own log) with a model version trained on one dataset version and evaluated on another. */
  async function registered() {
    const { tenantId, adminKey } = await createTenant(t, `immutable-${suffix()}`);
    const gql = (query: string, variables?: Record<string, unknown>) => t.gql(adminKey, query, variables).then(ok);
    const datasetId = (await gql('mutation($n: String!) { registerDataset(input: { name: $n }) { id } }', { n: `claims-${suffix()}` }))
      .registerDataset.id;
    const snapshot = async (version: string, c: string) =>
      (
        await gql('mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
          i: {
            datasetId,
            version,
            sourceUri: `s3://lake/claims/${version}/`,
            digest: digest(c),
            piiClasses: ['contact'],
            schema: { columns: ['amount'] },
          },
        })
      ).registerDatasetVersion.id as string;
    const training = await snapshot('train', 'a');
    const evaluation = await snapshot('holdout', 'b');
    const modelId = (await gql('mutation($n: String!) { registerModel(input: { name: $n }) { id } }', { n: `triage-${suffix()}` }))
      .registerModel.id;
    const modelVersion = (
      await gql('mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
        i: {
          modelId,
          version: '1.0.0',
          artifactUri: 's3://models/triage/1',
          artifactDigest: digest('c'),
          framework: 'xgboost',
          riskTier: 'LOW',
          trainingDatasetVersionIds: [training],
          evaluationDatasetVersionIds: [evaluation],
          metrics: [{ name: 'auc', value: 0.91, datasetVersionId: evaluation }],
        },
      })
    ).registerModelVersion.id as string;
    const automationId = (
      await gql('mutation($k: String!) { registerAutomation(input: { key: $k, name: $k }) { id } }', { k: `bot-${suffix()}` })
    ).registerAutomation.id;
    const automationVersion = (
      await gql('mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
        i: {
          automationId,
          version: '1',
          purpose: 'Route claims',
          riskClass: 'MINIMAL',
          oversightMode: 'NONE',
          environment: 'STAGING',
          modelVersionIds: [modelVersion],
        },
      })
    ).registerAutomationVersion.id as string;
    return { tenantId, adminKey, gql, training, evaluation, modelVersion, automationVersion };
  }
  type Registered = Awaited<ReturnType<typeof registered>>;

  const entries = async (r: Registered, kind: string): Promise<Entry[]> =>
    (
      await r.gql(
        'query($k: String) { ledgerEntries(first: 100, filter: { kind: $k }) { edges { node { index kind factId fact currentFact } } } }',
        { k: kind },
      )
    ).ledgerEntries.edges.map((e: { node: Entry }) => e.node);
  const leafOf = async (r: Registered, kind: string, factId: string) => (await entries(r, kind)).find((e) => e.factId === factId)!;
  const verify = async (r: Registered) =>
    (await r.gql('{ verifyLedger { ok leavesChecked firstDivergence { index kind factKind factId message } } }')).verifyLedger;

  /** SQL as the database superuser the tests connect as: guards on. */
  const asOwner = (sql: string, params: unknown[] = []) => withClient(t.databaseUrl, (c: Client) => c.query(sql, params));
  /** SQL as a superuser who turned the triggers off, as the ledger tamper tests do. */
  const asSuperuserWithoutTriggers = (sql: string, params: unknown[] = []) =>
    withClient(t.databaseUrl, async (c: Client) => {
      await c.query('SET session_replication_role = replica');
      return c.query(sql, params);
    });
  /** SQL as the application role in the tenant, as the API's own connections run. */
  const asApp = (tenantId: string, sql: string, params: unknown[] = []) =>
    withClient(t.databaseUrl, async (c: Client) => {
      await c.query('SET ROLE attest_app');
      await c.query(`SELECT set_config('attest.tenant_id', $1, false)`, [tenantId]);
      return c.query(sql, params);
    });

  it('writes a leaf for every registered version, holding its digests and the datasets it was trained and evaluated on', async () => {
    const r = await registered();
    await sealAll(t);
    const [train, holdout] = [await leafOf(r, 'dataset_version', r.training), await leafOf(r, 'dataset_version', r.evaluation)];
    expect(train.fact).toMatchObject({
      kind: 'dataset_version',
      id: r.training,
      tenantId: r.tenantId,
      version: 'train',
      digest: digest('a'),
      piiClasses: ['contact'],
    });
    expect(train.fact.schema).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(holdout.fact).toMatchObject({ digest: digest('b') });

    const model = await leafOf(r, 'model_version', r.modelVersion);
    expect(model.fact).toMatchObject({
      kind: 'model_version',
      id: r.modelVersion,
      version: '1.0.0',
      artifactUri: 's3://models/triage/1',
      artifactDigest: digest('c'),
      riskTier: 'low',
      trainingDatasetVersions: [{ id: r.training, digest: digest('a') }],
      evaluationDatasetVersions: [{ id: r.evaluation, digest: digest('b') }],
      metrics: [{ name: 'auc', value: 0.91, datasetVersionId: r.evaluation }],
    });
    expect(model.index).not.toBeNull();
    expect(model.currentFact).toEqual(model.fact);
    // Written at commit, once the links are there: after the registration's audit event.
    const audit = (await entries(r, 'audit_event')).find(
      (e) => e.fact.action === 'model_version.registered' && e.fact.subjectId === r.modelVersion,
    )!;
    expect(model.index).toBeGreaterThan(audit.index!);

    const automation = await leafOf(r, 'automation_version', r.automationVersion);
    expect(automation.fact).toMatchObject({
      kind: 'automation_version',
      purpose: 'Route claims',
      riskClass: 'minimal',
      modelVersionIds: [r.modelVersion],
    });
    expect(await verify(r)).toMatchObject({ ok: true, firstDivergence: null });
  });

  it('leaves no leaf when the registration fails', async () => {
    const r = await registered();
    const modelId = (await r.gql(`{ modelVersion(id: "${r.modelVersion}") { modelId } }`)).modelVersion.modelId;
    const refused = await t.gql(r.adminKey, 'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
      i: {
        modelId,
        version: '1.0.0',
        artifactUri: 's3://models/triage/dup',
        artifactDigest: digest('d'),
        framework: 'xgboost',
        riskTier: 'LOW',
      },
    });
    expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await entries(r, 'model_version')).map((e) => e.fact.artifactUri)).toEqual(['s3://models/triage/1']);
  });

  it('refuses, even to a superuser, any change to a snapshot column, a dataset link, or a delete', async () => {
    const r = await registered();
    const refused = /immutable snapshot|append-only|links were fixed/;
    await expect(asOwner(`UPDATE model_versions SET artifact_digest = $2 WHERE id = $1`, [r.modelVersion, digest('e')])).rejects.toThrow(
      /model_versions is an immutable snapshot/,
    );
    await expect(
      asOwner(`UPDATE model_version_datasets SET dataset_version_id = $2 WHERE model_version_id = $1`, [r.modelVersion, r.evaluation]),
    ).rejects.toThrow(/model_version_datasets is append-only/);
    await expect(
      asOwner(
        `INSERT INTO model_version_datasets (tenant_id, model_version_id, dataset_version_id, purpose) VALUES ($1, $2, $3, 'training')`,
        [r.tenantId, r.modelVersion, r.evaluation],
      ),
    ).rejects.toThrow(/version .* is registered; its links were fixed when it was/);
    await expect(asOwner('DELETE FROM model_version_datasets WHERE model_version_id = $1', [r.modelVersion])).rejects.toThrow(refused);
    await expect(asOwner(`UPDATE dataset_versions SET digest = $2 WHERE id = $1`, [r.training, digest('f')])).rejects.toThrow(
      /dataset_versions is append-only/,
    );
    await expect(asOwner('DELETE FROM automation_version_models WHERE automation_version_id = $1', [r.automationVersion])).rejects.toThrow(
      refused,
    );
    await expect(asOwner(`UPDATE automation_versions SET risk_class = 'high' WHERE id = $1`, [r.automationVersion])).rejects.toThrow(
      /automation_versions is an immutable snapshot/,
    );
    await expect(asOwner('TRUNCATE model_versions CASCADE')).rejects.toThrow(refused);
    const error = await asOwner(`UPDATE model_versions SET version = '9' WHERE id = $1`, [r.modelVersion]).catch(
      (e: { code: string }) => e,
    );
    expect(error).toMatchObject({ code: '42501' }); // insufficient_privilege, like the other guards
    expect((await asOwner('SELECT artifact_digest FROM model_versions WHERE id = $1', [r.modelVersion])).rows).toEqual([
      { artifact_digest: digest('c') },
    ]);
  });

  it('gives the application role no UPDATE or DELETE on the snapshots, only on the lifecycle columns', async () => {
    const r = await registered();
    const denied = /permission denied/;
    await expect(
      asApp(r.tenantId, `UPDATE model_versions SET artifact_digest = $2 WHERE id = $1`, [r.modelVersion, digest('e')]),
    ).rejects.toThrow(denied);
    await expect(asApp(r.tenantId, 'DELETE FROM model_versions WHERE id = $1', [r.modelVersion])).rejects.toThrow(denied);
    await expect(asApp(r.tenantId, `UPDATE dataset_versions SET digest = $2 WHERE id = $1`, [r.training, digest('e')])).rejects.toThrow(
      denied,
    );
    await expect(asApp(r.tenantId, 'DELETE FROM dataset_versions WHERE id = $1', [r.training])).rejects.toThrow(denied);
    await expect(asApp(r.tenantId, `UPDATE model_version_datasets SET purpose = 'evaluation'`)).rejects.toThrow(denied);
    await expect(asApp(r.tenantId, 'DELETE FROM automation_version_models')).rejects.toThrow(denied);
    await expect(
      asApp(r.tenantId, `UPDATE automation_versions SET purpose = 'other' WHERE id = $1`, [r.automationVersion]),
    ).rejects.toThrow(denied);
  });

  it('still moves versions through their lifecycle, audited, and the ledger still verifies', async () => {
    const r = await registered();
    const move = (to: string) =>
      r.gql(
        'mutation($id: ID!, $to: LifecycleStatus!) { transitionModelVersion(id: $id, to: $to, rationale: "ready") { status submittedBy } }',
        { id: r.modelVersion, to },
      );
    expect((await move('IN_REVIEW')).transitionModelVersion).toMatchObject({ status: 'IN_REVIEW', submittedBy: expect.any(String) });
    expect((await move('DRAFT')).transitionModelVersion).toMatchObject({ status: 'DRAFT', submittedBy: null });
    const automation = await r.gql(
      'mutation($id: ID!) { transitionAutomationVersion(id: $id, to: IN_REVIEW, rationale: "ready") { status } }',
      { id: r.automationVersion },
    );
    expect(automation.transitionAutomationVersion.status).toBe('IN_REVIEW');
    const audited = (
      await r.gql(`{ auditEvents(first: 20, filter: { subjectId: "${r.modelVersion}" }) { edges { node { action after } } } }`)
    ).auditEvents.edges.map((e: { node: { action: string; after: { status?: string } } }) => [e.node.action, e.node.after.status]);
    expect(audited).toEqual(
      expect.arrayContaining([
        ['model_version.transitioned', 'in_review'],
        ['model_version.transitioned', 'draft'],
      ]),
    );
    await sealAll(t);
    expect((await entries(r, 'lifecycle_transition')).length).toBe(3);
    // The status is no part of the snapshot: the version's leaf still matches its row.
    const model = await leafOf(r, 'model_version', r.modelVersion);
    expect(model.currentFact).toEqual(model.fact);
    expect(await verify(r)).toMatchObject({ ok: true, firstDivergence: null });
  });

  it("names the version's leaf when its artifact digest is changed with the guards off", async () => {
    const r = await registered();
    await sealAll(t);
    const leaf = await leafOf(r, 'model_version', r.modelVersion);
    const edited = await asSuperuserWithoutTriggers('UPDATE model_versions SET artifact_digest = $2 WHERE id = $1', [
      r.modelVersion,
      digest('e'),
    ]);
    expect(edited.rowCount).toBe(1);
    expect((await verify(r)).firstDivergence).toMatchObject({
      index: leaf.index,
      kind: 'FACT_CHANGED',
      factKind: 'model_version',
      factId: r.modelVersion,
    });
    expect((await leafOf(r, 'model_version', r.modelVersion)).currentFact).toMatchObject({ artifactDigest: digest('e') });
  });

  it("names the version's leaf when what it was trained on is changed with the guards off", async () => {
    const swapped = await registered();
    await sealAll(t);
    const leaf = await leafOf(swapped, 'model_version', swapped.modelVersion);
    await asSuperuserWithoutTriggers(
      `UPDATE model_version_datasets SET dataset_version_id = $2 WHERE model_version_id = $1 AND purpose = 'training'`,
      [swapped.modelVersion, swapped.evaluation],
    );
    expect((await verify(swapped)).firstDivergence).toMatchObject({
      index: leaf.index,
      kind: 'FACT_CHANGED',
      factKind: 'model_version',
      factId: swapped.modelVersion,
    });

    // A training dataset's own digest rewritten: its leaf is the first divergence (it comes before the model version's).
    const redigested = await registered();
    await sealAll(t);
    const data = await leafOf(redigested, 'dataset_version', redigested.training);
    await asSuperuserWithoutTriggers('UPDATE dataset_versions SET digest = $2 WHERE id = $1', [redigested.training, digest('f')]);
    expect((await verify(redigested)).firstDivergence).toMatchObject({
      index: data.index,
      kind: 'FACT_CHANGED',
      factKind: 'dataset_version',
      factId: redigested.training,
    });

    const unlinked = await registered();
    await sealAll(t);
    const automation = await leafOf(unlinked, 'automation_version', unlinked.automationVersion);
    await asSuperuserWithoutTriggers('DELETE FROM automation_version_models WHERE automation_version_id = $1', [
      unlinked.automationVersion,
    ]);
    expect((await verify(unlinked)).firstDivergence).toMatchObject({
      index: automation.index,
      kind: 'FACT_CHANGED',
      factKind: 'automation_version',
    });
  });
});

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicyPack } from '@attest/policy';
import { errorCode, ok, principalWithRole, REPO_ROOT, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const ACTIVE = `{ activePolicyPack { name packTests { name source appliesTo expectedEffect expectedMatched passed actualEffect actualMatched error }
  policies { id conditions conditionsText } } }`;
const PREVIEW = `query($name: String!) { policyPackPreview(name: $name) {
  name digest activeName activeDigest alreadyActive
  policies { id change fields { field before after } conditions { path change before after } conditionsBefore conditionsAfter } } }`;
const SIMULATIONS = `query($first: Int, $after: String) { policySimulations(first: $first, after: $after) {
  edges { cursor node { id status label } } pageInfo { hasNextPage endCursor } } }`;
const SIMULATE = `mutation($i: SimulatePolicyPackInput!) { simulatePolicyPack(input: $i) { id } }`;

describe('policy packs as people read them: conditions, tests, what an activation would change, past simulations', () => {
  let t: TestApp;
  let policiesDir: string;
  beforeAll(async () => {
    // A private copy of policies/ with a "strict" pack: one policy's threshold raised (and its test with it).
    policiesDir = mkdtempSync(join(tmpdir(), 'attest-policies-'));
    cpSync(join(REPO_ROOT, 'policies'), policiesDir, { recursive: true });
    cpSync(join(policiesDir, 'default'), join(policiesDir, 'strict'), { recursive: true });
    const file = join(policiesDir, 'strict', 'high-risk-low-confidence-review.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 0.7 }', 'value: 0.75 }').replace('version: 1', 'version: 2'));
    const tests = join(policiesDir, 'strict', 'tests', 'decisions.yaml');
    writeFileSync(tests, readFileSync(tests, 'utf8').replace('confidence: 0.7 }', 'confidence: 0.75 }'));
    // In-process jobs: the simulations run in the app itself.
    t = await startTestApp({ ATTEST_POLICIES_DIR: policiesDir, REDIS_URL: '' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(policiesDir, { recursive: true, force: true });
  });

  it('shows, before any activation, every policy of a pack as added', async () => {
    const { policyPackPreview } = ok(await t.gql(t.adminKey, PREVIEW, { name: 'default' }));
    const pack = loadPolicyPack(join(REPO_ROOT, 'policies/default'));
    expect(policyPackPreview).toMatchObject({
      name: 'default',
      digest: pack.digest,
      activeName: null,
      activeDigest: null,
      alreadyActive: false,
    });
    expect(policyPackPreview.policies.map((p: { id: string }) => p.id)).toEqual(pack.policies.map((p) => p.id));
    expect(policyPackPreview.policies.every((p: { change: string }) => p.change === 'added')).toBe(true);
  });

  it('reads the active pack with its conditions as a tree and as a sentence, and its tests run now, all passing', async () => {
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "the board approved it") { id } }'));
    const officer = await principalWithRole(t, 'compliance_officer');
    const { activePolicyPack } = ok(await t.gql(officer.key, ACTIVE));
    const policy = activePolicyPack.policies.find((p: { id: string }) => p.id === 'high-risk-low-confidence-review');
    expect(policy.conditionsText).toBe('automation.riskClass is high and decision.confidence is less than 0.7');
    expect(policy.conditions).toEqual({
      all: [
        { fact: 'automation.riskClass', operator: 'equal', value: 'high' },
        { fact: 'decision.confidence', operator: 'lessThan', value: 0.7 },
      ],
    });
    const tests = activePolicyPack.packTests;
    const written = readdirSync(join(REPO_ROOT, 'policies/default/tests'))
      .map((f) => readFileSync(join(REPO_ROOT, 'policies/default/tests', f), 'utf8'))
      .join('\n');
    expect(tests.length).toBe((written.match(/^\s*- name:/gm) ?? []).length);
    expect(tests.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(tests[0]).toMatchObject({ source: expect.stringMatching(/^default\/tests\/.+\.yaml:\d+$/), error: null });
    expect(tests[0].actualEffect).toBe(tests[0].expectedEffect);
  });

  it('says what activating another pack would change, field by field and condition by condition, and that the active one changes nothing', async () => {
    const { policyPackPreview } = ok(await t.gql(t.adminKey, PREVIEW, { name: 'strict' }));
    expect(policyPackPreview).toMatchObject({ name: 'strict', activeName: 'default', alreadyActive: false });
    expect(policyPackPreview.policies).toEqual([
      {
        id: 'high-risk-low-confidence-review',
        change: 'changed',
        fields: [{ field: 'version', before: 1, after: 2 }],
        conditions: [
          {
            path: 'conditions.all[1]',
            change: 'changed',
            before: 'decision.confidence lessThan 0.7',
            after: 'decision.confidence lessThan 0.75',
          },
        ],
        conditionsBefore: 'automation.riskClass is high and decision.confidence is less than 0.7',
        conditionsAfter: 'automation.riskClass is high and decision.confidence is less than 0.75',
      },
    ]);
    const same = ok(await t.gql(t.adminKey, PREVIEW, { name: 'default' })).policyPackPreview;
    expect(same).toMatchObject({ alreadyActive: true, policies: [] });
  });

  it('refuses a name that is not a pack folder, an unknown pack, and roles that may not read packs', async () => {
    expect(errorCode(await t.gql(t.adminKey, PREVIEW, { name: '../etc' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, PREVIEW, { name: 'nope' }))).toBe('NOT_FOUND');
    const auditor = await principalWithRole(t, 'auditor');
    expect(ok(await t.gql(auditor.key, PREVIEW, { name: 'strict' })).policyPackPreview.policies).toHaveLength(1);
    const producer = await principalWithRole(t, 'lineage_producer');
    expect(errorCode(await t.gql(producer.key, PREVIEW, { name: 'strict' }))).toBe('FORBIDDEN');
  });

  it('keeps past simulations, newest first, in pages; auditors read them, roles without simulations may not', async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    const files = readdirSync(join(policiesDir, 'strict'))
      .filter((f) => f.endsWith('.yaml'))
      .map((name) => ({ name, content: readFileSync(join(policiesDir, 'strict', name), 'utf8') }));
    const ids: string[] = [];
    for (const label of ['first', 'second'])
      ids.push(ok(await t.gql(officer.key, SIMULATE, { i: { policies: files, label } })).simulatePolicyPack.id);
    await until(
      async () =>
        ok(await t.gql(officer.key, SIMULATIONS, { first: 10 })).policySimulations.edges.every(
          (e: { node: { status: string } }) => e.node.status === 'COMPLETED',
        ),
      'both simulations to complete',
      60_000,
    );
    const auditor = await principalWithRole(t, 'auditor');
    const page1 = ok(await t.gql(auditor.key, SIMULATIONS, { first: 1 })).policySimulations;
    expect(page1.edges.map((e: { node: { id: string; label: string } }) => e.node)).toEqual([
      { id: ids[1], status: 'COMPLETED', label: 'second' },
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await t.gql(auditor.key, SIMULATIONS, { first: 1, after: page1.pageInfo.endCursor })).policySimulations;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await t.gql(auditor.key, SIMULATIONS, { first: 500 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(auditor.key, SIMULATIONS, { after: 'not-a-cursor' }))).toBe('VALIDATION_FAILED');
    const owner = await principalWithRole(t, 'model_owner');
    expect(errorCode(await t.gql(owner.key, SIMULATIONS, {}))).toBe('FORBIDDEN');
  });
});

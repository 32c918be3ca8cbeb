import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicyPack } from '@attest/policy';
import { createTenant, errorCode, ok, principalWithRole, REPO_ROOT, startTestApp, type TestApp } from './support/test-app';

const ACTIVATE = `mutation($name: String!, $r: String!) {
  activatePolicyPack(name: $name, rationale: $r) { id name digest activatedBy rationale activatedAt policies { id version effect frameworks } }
}`;

describe('policy packs: activation and history', () => {
  let t: TestApp;
  let policiesDir: string;
  beforeAll(async () => {
    // A private copy of policies/, so the test can add packs of its own.
    policiesDir = mkdtempSync(join(tmpdir(), 'attest-policies-'));
    cpSync(join(REPO_ROOT, 'policies'), policiesDir, { recursive: true });
    cpSync(join(policiesDir, 'default'), join(policiesDir, 'strict'), { recursive: true });
    writeFileSync(
      join(policiesDir, 'strict', 'annotate-dev-decisions.yaml'),
      readFileSync(join(policiesDir, 'strict', 'annotate-dev-decisions.yaml'), 'utf8').replace(/^version: 1$/m, 'version: 2'),
    );
    cpSync(join(policiesDir, 'default'), join(policiesDir, 'broken'), { recursive: true });
    writeFileSync(join(policiesDir, 'broken', 'annotate-dev-decisions.yaml'), 'id: annotate-dev-decisions\nversion: zero\n');
    t = await startTestApp({ ATTEST_POLICIES_DIR: policiesDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(policiesDir, { recursive: true, force: true });
  });

  it('has no active pack before the first activation, and lists the packs it could activate', async () => {
    expect(ok(await t.gql(t.adminKey, '{ activePolicyPack { digest } }')).activePolicyPack).toBeNull();
    expect(ok(await t.gql(t.adminKey, '{ availablePolicyPacks }')).availablePolicyPacks).toEqual(['broken', 'default', 'strict']);
  });

  it('activates the default pack with its digest and policies, audited, and refuses to activate it twice', async () => {
    const expected = loadPolicyPack(join(REPO_ROOT, 'policies/default'));
    const { activatePolicyPack } = ok(
      await t.gql(t.adminKey, ACTIVATE, { name: 'default', r: 'Initial policy set approved by the AI board' }),
    );
    expect(activatePolicyPack).toMatchObject({
      name: 'default',
      digest: expected.digest,
      rationale: 'Initial policy set approved by the AI board',
    });
    expect(activatePolicyPack.policies).toHaveLength(expected.policies.length);
    expect(ok(await t.gql(t.adminKey, '{ activePolicyPack { digest } }')).activePolicyPack.digest).toBe(expected.digest);
    const audit = ok(
      await t.gql(t.adminKey, `{ auditEvents(filter: { action: "policy_pack.activated" }) { edges { node { subjectId before after } } } }`),
    );
    expect(audit.auditEvents.edges[0].node).toMatchObject({ subjectId: expected.digest, before: null, after: { name: 'default' } });
    expect(errorCode(await t.gql(t.adminKey, ACTIVATE, { name: 'default', r: 'again' }))).toBe('CONFLICT');
  });

  it('keeps every activation: switching packs records the previous digest and the history', async () => {
    const strict = ok(await t.gql(t.adminKey, ACTIVATE, { name: 'strict', r: 'Tighter dev annotations' })).activatePolicyPack;
    const history = ok(await t.gql(t.adminKey, '{ policyPackActivations { edges { node { name digest } } } }')).policyPackActivations.edges;
    expect(history.map((e: { node: { name: string } }) => e.node.name)).toEqual(['strict', 'default']);
    expect(strict.digest).not.toBe(history[1].node.digest);
    const audit = ok(await t.gql(t.adminKey, `{ auditEvents(filter: { subjectId: "${strict.digest}" }) { edges { node { before } } } }`));
    expect(audit.auditEvents.edges[0].node.before).toEqual({ name: 'default', digest: history[1].node.digest });
  });

  it('refuses an invalid pack with the problems listed, and an unknown one with NOT_FOUND', async () => {
    const broken = await t.gql(t.adminKey, ACTIVATE, { name: 'broken', r: 'should fail' });
    expect(errorCode(broken)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(broken.errors![0].extensions.problems)).toMatch(/annotate-dev-decisions\.yaml:2: version/);
    expect(errorCode(await t.gql(t.adminKey, ACTIVATE, { name: 'nope', r: 'missing' }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(t.adminKey, ACTIVATE, { name: '../etc', r: 'escape' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, ACTIVATE, { name: 'access', r: 'not a pack' }))).toBe('NOT_FOUND');
  });

  it('lets compliance officers and auditors read the active pack but only admins activate', async () => {
    for (const role of ['compliance_officer', 'auditor', 'model_owner']) {
      const p = await principalWithRole(t, role);
      expect(ok(await t.gql(p.key, '{ activePolicyPack { name } }')).activePolicyPack.name).toBe('strict');
      expect(errorCode(await t.gql(p.key, ACTIVATE, { name: 'default', r: 'not mine to do' }))).toBe('FORBIDDEN');
    }
  });

  it('keeps activations per tenant', async () => {
    const other = await createTenant(t, 'other-tenant');
    expect(ok(await t.gql(other.adminKey, '{ activePolicyPack { name } }')).activePolicyPack).toBeNull();
  });
});

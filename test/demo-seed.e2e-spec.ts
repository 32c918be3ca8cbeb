import { seedDemo, type DemoTenant } from '../apps/cli/src/demo/demo-seed';
import { createTenant, errorCode, ok, startTestApp, type TestApp } from './support/test-app';

describe('attest seed --demo (the demo tenant)', () => {
  let t: TestApp;
  let demo: DemoTenant;
  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await createTenant(t, 'demo');
    demo = await seedDemo(async (key, query, variables) => ok(await t.gql(key, query, variables)), tenant.adminKey);
  });
  afterAll(() => t?.close());

  it('gives every role a working key', async () => {
    for (const [role, key] of Object.entries(demo.keys)) {
      const me = ok(await t.gql(key, '{ me { roles { role } } }')).me;
      expect(me.roles.map((r: { role: string }) => r.role)).toContain(role);
    }
  });

  it('has the claim-triage story: deployed models trained on registered data, a deployed automation', async () => {
    const models = ok(await t.gql(demo.keys.auditor, `{ models { edges { node { name
      versions { version status submittedBy approvedBy trainingDatasets { version piiClasses } } } } } }`)).models.edges;
    const byName = Object.fromEntries(models.map((e: { node: { name: string } }) => [e.node.name, e.node]));
    const severity = byName['claim-severity'];
    expect(severity.versions.map((v: { version: string; status: string }) => `${v.version}:${v.status}`).sort()).toEqual(['1.0.0:deployed', '1.1.0:in_review']);
    const deployed = severity.versions.find((v: { status: string }) => v.status === 'deployed');
    expect(deployed.submittedBy).not.toBe(deployed.approvedBy);
    expect(deployed.trainingDatasets).toHaveLength(2);
    const automation = ok(await t.gql(demo.keys.auditor, '{ automationByKey(key: "claims-triage") { versions { status riskClass modelVersions { version } } } }'));
    expect(automation.automationByKey.versions[0]).toMatchObject({ status: 'deployed', riskClass: 'high' });
    expect(automation.automationByKey.versions[0].modelVersions).toHaveLength(2);
    const bound = ok(await t.gql(demo.keys.service, '{ automations { edges { node { key } } } }')).automations.edges;
    expect(bound).toEqual([{ node: { key: 'claims-triage' } }]);
  });

  it('judges with the default policy pack', async () => {
    expect(ok(await t.gql(demo.keys.compliance_officer, '{ activePolicyPack { name } }')).activePolicyPack.name).toBe('default');
  });

  it('keeps the demo tenant apart from the default one', async () => {
    const models = ok(await t.gql(t.adminKey, '{ models { edges { node { id } } } }')).models.edges;
    expect(models).toEqual([]);
    expect(errorCode(await t.gql(t.adminKey, `{ automation(id: "${demo.automationId}") { id } }`))).toBe('NOT_FOUND');
  });
});

import { seedDemo, type DemoTenant } from '../apps/cli/src/demo/demo-seed';
import { createTenant, errorCode, ok, startTestApp, type TestApp } from './support/test-app';
import { gqlWithSession, signInWithLink } from './support/browser-session';

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
      expect(me.roles.map((r: { role: string }) => r.role)).toContain(role.toUpperCase());
    }
  });

  it('gives every person of the demo a sign-in link; carol signs in as the compliance officer', async () => {
    expect(demo.signInLinks.map((l) => `${l.name}:${l.role}`)).toEqual([
      'admin:admin',
      'alice:model_owner',
      'bob:automation_owner',
      'carol:compliance_officer',
      'dave:auditor',
      'erin:compliance_officer',
    ]);
    const carol = demo.signInLinks.find((l) => l.name === 'carol')!;
    const { session } = await signInWithLink(t.app, carol.url);
    const me = await gqlWithSession(t.app, session!, '{ me { name roles { role } } }');
    expect(me.data?.me).toEqual({ name: 'carol', roles: [{ role: 'COMPLIANCE_OFFICER' }] });
  });

  it('has the claim-triage story: deployed models trained on registered data, a deployed automation', async () => {
    const models = ok(
      await t.gql(
        demo.keys.auditor,
        `{ models { edges { node { name
      versions { version status submittedBy approvedBy trainingDatasets { version piiClasses } } } } } }`,
      ),
    ).models.edges;
    const byName = Object.fromEntries(models.map((e: { node: { name: string } }) => [e.node.name, e.node]));
    const severity = byName['claim-severity'];
    expect(severity.versions.map((v: { version: string; status: string }) => `${v.version}:${v.status}`).sort()).toEqual([
      '1.0.0:DEPLOYED',
      '1.1.0:IN_REVIEW',
    ]);
    const deployed = severity.versions.find((v: { status: string }) => v.status === 'DEPLOYED');
    expect(deployed.submittedBy).not.toBe(deployed.approvedBy);
    expect(deployed.trainingDatasets).toHaveLength(2);
    const automation = ok(
      await t.gql(
        demo.keys.auditor,
        '{ automationByKey(key: "claims-triage") { versions { status riskClass modelVersions { version } } } }',
      ),
    );
    expect(automation.automationByKey.versions[0]).toMatchObject({ status: 'DEPLOYED', riskClass: 'HIGH' });
    expect(automation.automationByKey.versions[0].modelVersions).toHaveLength(2);
    const bound = ok(await t.gql(demo.keys.service, '{ automations { edges { node { key } } } }')).automations.edges;
    expect(bound).toEqual([{ node: { key: 'claims-triage' } }]);
  });

  it("records the automation's decisions through the policies: recorded, sent to review, reviewed, blocked", async () => {
    const { decisions } = ok(
      await t.gql(
        demo.keys.auditor,
        `{ decisions(first: 20) { edges { node {
      id correlationId status outcome redactions { detector } policyEvaluation { matched { id } } } } } }`,
      ),
    );
    const byClaim = Object.fromEntries(decisions.edges.map(({ node }: { node: { correlationId: string } }) => [node.correlationId, node]));
    expect(Object.keys(byClaim).sort()).toEqual(['CLM-1001', 'CLM-1002', 'CLM-1003', 'CLM-1004', 'CLM-1005', 'CLM-1006']);
    const policiesOf = (claim: string) => byClaim[claim].policyEvaluation.matched.map((p: { id: string }) => p.id);
    // Confident decisions are recorded, unless sampled oversight (5%, by the decision id) picked them.
    for (const claim of ['CLM-1001', 'CLM-1002', 'CLM-1003']) {
      const { status } = byClaim[claim];
      if (status === 'RECORDED') expect(policiesOf(claim)).toEqual([]);
      else expect({ status, policies: policiesOf(claim) }).toEqual({ status: 'PENDING_REVIEW', policies: ['oversight-sample-review'] });
    }
    expect(byClaim['CLM-1002'].redactions).toEqual([{ detector: 'email' }]);
    expect(byClaim['CLM-1004']).toMatchObject({ status: 'PENDING_REVIEW', outcome: 'PENDING_REVIEW' });
    expect(policiesOf('CLM-1004')).toContain('high-risk-low-confidence-review');
    expect(byClaim['CLM-1005']).toMatchObject({ status: 'PENDING_REVIEW', outcome: 'OVERRIDDEN' });
    expect(byClaim['CLM-1006']).toMatchObject({ status: 'BLOCKED', outcome: 'BLOCKED' });
    expect(policiesOf('CLM-1006')).toContain('production-requires-deployed-model');
    expect(demo.decisions.map((d) => `${d.claimId}:${d.status}${d.reviewed ? `:${d.reviewed}` : ''}`)).toEqual(
      decisions.edges
        .map(
          ({ node }: { node: { correlationId: string; status: string; outcome: string } }) =>
            `${node.correlationId}:${node.status.toLowerCase()}${node.outcome === 'OVERRIDDEN' ? ':override' : ''}`,
        )
        .sort(),
    );
  });

  it('leaves the review queue with what a compliance officer has still to do', async () => {
    const { reviewQueue } = ok(
      await t.gql(demo.keys.compliance_officer, '{ reviewQueue(first: 20) { edges { node { decision { correlationId } } } } }'),
    );
    const waiting = reviewQueue.edges.map(({ node }: { node: { decision: { correlationId: string } } }) => node.decision.correlationId);
    expect(waiting).toContain('CLM-1004');
    expect(waiting).not.toContain('CLM-1005'); // reviewed
    expect(waiting).not.toContain('CLM-1006'); // blocked
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

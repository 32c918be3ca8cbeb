import { createServer, type Server } from 'node:http';
import { OpenLineageExporter } from '@attest/lineage';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { withClient } from './support/test-database';
import { ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

/**
 * OpenLineage out, against a real local receiver (as Marquez would be): each sealed decision sent
 * once, in ledger order, with the attest_governance facet; a failure retried without skipping.
 */
describe('sealed decisions are exported as OpenLineage run events', () => {
  let t: TestApp;
  let receiver: Server;
  const received: { auth?: string; body: any }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url !== '/api/v1/lineage' || req.method !== 'POST') return void res.writeHead(404).end();
        if (failNext > 0) {
          failNext -= 1;
          return void res.writeHead(503).end();
        }
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as { port: number };
    t = await startTestApp({ ATTEST_OPENLINEAGE_URL: `http://127.0.0.1:${port}`, ATTEST_OPENLINEAGE_API_KEY: 'marquez-key', ATTEST_OPENLINEAGE_BACKOFF_MS: '10' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "export test") { digest } }'));
  });
  afterAll(async () => {
    await t?.close();
    receiver?.close();
  });

  const exporter = () => t.app.get(OpenLineageExporter);

  it('sends each sealed decision once, in ledger order, with its governance, and retries a failure without skipping', async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'], oversightMode: 'required' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision.decision.id);
    const officer = await principalWithRole(t, 'compliance_officer');
    ok(await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: approve, rationale: "checked") { id } }', { id: ids[0] }));
    await sealAll(t);

    failNext = 1;
    expect(await exporter().runOnce()).toBe(0); // the endpoint refused the first: nothing after it went
    await withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query('SELECT failures, last_error FROM lineage_export_cursors');
      expect(rows).toContainEqual({ failures: 1, last_error: 'HTTP 503' });
    });
    await new Promise((r) => setTimeout(r, 30)); // past the first retry's wait
    expect(await exporter().runOnce()).toBe(3);
    expect(await exporter().runOnce()).toBe(0); // sent once

    const runs = received.map((r) => r.body.run.runId);
    expect(runs).toEqual(ids); // ledger order = the order they were sealed
    expect(received.every((r) => r.auth === 'Bearer marquez-key')).toBe(true);
    const first = received[0].body;
    const index = ok(await t.gql(t.adminKey, 'query($id: ID!) { decision(id: $id) { ledgerIndex } }', { id: ids[0] })).decision.ledgerIndex;
    expect(first.run.facets.attest_governance).toMatchObject({
      status: 'pending_review', policyEffect: 'require_review', reviewVerdict: 'approve', reviewerRoles: ['compliance_officer'], ledgerIndex: index,
    });
    expect(first.job.name).toBe(f.automationKey);
    expect(first.inputs[0]).toEqual({ namespace: 's3://models', name: 'm' });
    expect(JSON.stringify(received)).not.toContain('motor'); // the decision's input never leaves
    await withClient(t.databaseUrl, async (c) => {
      const { rows } = await c.query('SELECT failures, last_error FROM lineage_export_cursors');
      expect(rows.every((r) => r.failures === 0 && r.last_error === null)).toBe(true);
    });
  });
});

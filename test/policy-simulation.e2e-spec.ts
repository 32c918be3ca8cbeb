import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CompiledEvaluator, loadPolicyPack, packFromYamlFiles } from '@attest/policy';
import { PolicySimulationSweeper } from '@attest/policy-review';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { withClient } from './support/test-database';
import { createTenant, errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

const PACK_DIR = resolve(__dirname, '../policies/default');
const SIMULATE = `mutation($i: SimulatePolicyPackInput!) { simulatePolicyPack(input: $i) { id status headDigest baseDigest progress { processed total } } }`;
const SIMULATION = `query($id: ID!) { policySimulation(id: $id) {
  id status label headDigest baseDigest filter progress { processed total } error requestedBy startedAt finishedAt markdown report
  summary { decisions replayed withoutFacts failed changed byEffect { from to count } gatesChecked gatesChanged gatesNowFailing } } }`;
const FACTS = 'query($id: ID!) { decision(id: $id) { policyFacts } }';

/** The default pack's files, the high-risk confidence threshold raised from 0.7 to 0.8 (the candidate of a pull request). */
function candidateFiles(): { name: string; content: string }[] {
  return readdirSync(PACK_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const content = readFileSync(join(PACK_DIR, name), 'utf8');
      return {
        name,
        content:
          name === 'high-risk-low-confidence-review.yaml'
            ? content.replace('value: 0.7 }', 'value: 0.8 }').replace('version: 1', 'version: 2')
            : content,
      };
    });
}

const MODES: [string, string][] = [
  ...(process.env.REDIS_URL ? [['BullMQ in Redis, a worker', process.env.REDIS_URL] as [string, string]] : []),
  ['the in-process runner', ''],
];

describe.each(MODES)('simulatePolicyPack replays a candidate pack as a background job (%s)', (_mode, redisUrl) => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  const decisions: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: redisUrl, ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}` });
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "simulation test") { digest } }'));
    for (const confidence of [0.75, 0.72, 0.95, 0.6]) {
      decisions.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence }) })).recordDecision.decision.id);
    }
    officer = await principalWithRole(t, 'compliance_officer');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const completed = (id: string, key = officer.key) =>
    until(
      async () => {
        const s = ok(await t.gql(key, SIMULATION, { id })).policySimulation;
        return s.status === 'COMPLETED' || s.status === 'FAILED' ? s : undefined;
      },
      `simulation ${id} to finish`,
      30_000,
    );

  it('reports exactly the decisions whose outcome the candidate changes, with progress, the report and its Markdown', async () => {
    const asked = ok(
      await t.gql(officer.key, SIMULATE, { i: { policies: candidateFiles(), label: 'PR 42', filter: { automationId: f.automationId } } }),
    ).simulatePolicyPack;
    expect(['QUEUED', 'RUNNING', 'COMPLETED']).toContain(asked.status);
    const active = loadPolicyPack(PACK_DIR);
    expect(asked.baseDigest).toBe(active.digest);
    const done = await completed(asked.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      label: 'PR 42',
      requestedBy: officer.id,
      error: null,
      progress: { processed: 4, total: 4 },
    });
    // What "changed" must be: each decision's recorded facts judged directly under both packs.
    const head = packFromYamlFiles(
      'default',
      candidateFiles().map((x) => ({ file: x.name, text: x.content })),
    );
    let expected = 0;
    for (const id of decisions) {
      const facts = ok(await t.gql(officer.key, FACTS, { id })).decision.policyFacts;
      const [was, now] = [
        new CompiledEvaluator(active).evaluate('decision', facts),
        new CompiledEvaluator(head).evaluate('decision', facts),
      ];
      if (was.effect !== now.effect || was.matched.map((m) => m.id).join() !== now.matched.map((m) => m.id).join()) expected += 1;
    }
    expect(expected).toBe(2); // 0.75 and 0.72 now go to a human
    expect(done.summary).toMatchObject({
      decisions: 4,
      replayed: 4,
      withoutFacts: 0,
      failed: 0,
      changed: expected,
      byEffect: [{ from: 'allow', to: 'require_review', count: 2 }],
    });
    expect(done.headDigest).toBe(head.digest);
    expect(done.markdown).toMatch(/^<!-- attest-policy-review -->/);
    expect(done.markdown).toContain('decision.confidence lessThan 0.7');
    expect(done.report.packs[0].policies.map((p: { id: string }) => p.id)).toEqual(['high-risk-low-confidence-review']);

    const audit = ok(
      await t.gql(t.adminKey, 'query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action actorId } } } }', {
        id: asked.id,
      }),
    ).auditEvents.edges;
    expect(audit.map((e: { node: { action: string } }) => e.node.action).sort()).toEqual([
      'policy_simulation.completed',
      'policy_simulation.requested',
    ]);
  });

  it('refuses an invalid candidate with every problem and its file and line, and stores nothing', async () => {
    const broken = [
      { name: 'broken.yaml', content: 'id: broken\nversion: one\n' },
      { name: 'Bad Name.yaml', content: 'x: 1' },
    ];
    const result = await t.gql(officer.key, SIMULATE, { i: { policies: broken } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    const invalid = await t.gql(officer.key, SIMULATE, {
      i: { policies: [{ name: 'broken.yaml', content: 'id: broken\nversion: one\n' }] },
    });
    expect(invalid.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'policies',
      problems: expect.arrayContaining([expect.stringMatching(/^broken\.yaml:2: version: /)]),
    });
    const count = await withClient(t.databaseUrl, (c) =>
      c.query("SELECT count(*)::int AS n FROM policy_simulations WHERE head_digest IS NULL OR source::text LIKE '%version: one%'"),
    );
    expect(count.rows[0].n).toBe(0);
    expect(errorCode(await t.gql(officer.key, SIMULATE, { i: { policies: candidateFiles(), filter: { limit: 0 } } }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('is asked for by admins and compliance officers, read by auditors too, and only in its own tenant', async () => {
    const auditor = await principalWithRole(t, 'auditor');
    expect(errorCode(await t.gql(auditor.key, SIMULATE, { i: { policies: candidateFiles() } }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(f.service.key, SIMULATE, { i: { policies: candidateFiles() } }))).toBe('FORBIDDEN');
    const id = ok(await t.gql(t.adminKey, SIMULATE, { i: { policies: candidateFiles() } })).simulatePolicyPack.id;
    expect((await completed(id, auditor.key)).status).toBe('COMPLETED');
    const other = await createTenant(t, `sim-${randomBytes(3).toString('hex')}`);
    expect(errorCode(await t.gql(other.adminKey, SIMULATION, { id }))).toBe('NOT_FOUND');
  });

  it('starts over a simulation whose job was lost, under a new job id', async () => {
    const id = ok(await t.gql(officer.key, SIMULATE, { i: { policies: candidateFiles() } })).simulatePolicyPack.id;
    await completed(id);
    await withClient(t.databaseUrl, (c) =>
      c.query(`UPDATE policy_simulations SET status = 'running', report = NULL, markdown = NULL, finished_at = NULL WHERE id = $1`, [id]),
    );
    const sweeper = (worker ?? t.app).get(PolicySimulationSweeper);
    expect(await sweeper.sweep(0)).toBeGreaterThanOrEqual(1);
    const again = await completed(id);
    expect(again.status).toBe('COMPLETED');
    const enqueues = await withClient(t.databaseUrl, (c) => c.query('SELECT enqueues FROM policy_simulations WHERE id = $1', [id]));
    expect(enqueues.rows[0].enqueues).toBe(2);
  });
});

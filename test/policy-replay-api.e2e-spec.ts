import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompiledEvaluator, loadPolicyPack } from '@attest/policy';
import { decisionsFromFile, replayDecisions, type ReplayRecord } from '@attest/policy-review';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { PolicyRepo } from './policy-review/support/policy-repo';
import { buildApps } from './support/process-harness';

const REPO_ROOT = resolve(__dirname, '..');
const CLI = join(REPO_ROOT, 'dist/apps/cli/src/main.js');
const MOVE_MODEL =
  'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }';
const FACTS = 'query($id: ID!) { decision(id: $id) { policyEvaluation { effect matched { id } } policyFacts policyFactsWithheld } }';
const GATES = '{ lifecycleGateFacts { subjectType id label status appliesTo facts } }';

/**
 * What `attest policy diff --from-api` and `attest policy decisions` read: each decision's facts as
 * the policies judged them, and each gated version's facts as its gate judged them, rebuilt so
 * exactly that the active pack, evaluated again, gives the recorded outcome.
 */
describe('the facts a policy replay reads from the API', () => {
  let t: TestApp;
  const pack = loadPolicyPack(join(REPO_ROOT, 'policies/default'));
  beforeAll(async () => {
    t = await startTestApp();
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "replay test") { digest } }'));
  });
  afterAll(() => t?.close());

  it("gives a decision's facts, which the pack judges again as it did, and withholds what the role may not read", async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'], oversightMode: 'REQUIRED' });
    const id = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { context: { channel: 'web' } }) })).recordDecision.decision.id;
    const officer = await principalWithRole(t, 'compliance_officer');
    const seen = ok(await t.gql(officer.key, FACTS, { id })).decision;
    expect(seen.policyFactsWithheld).toEqual([]);
    expect(seen.policyFacts).toMatchObject({
      decision: { id, output: { route: 'fast-track' } },
      context: { channel: 'web' },
      automation: { oversightMode: 'required' },
    });
    const again = new CompiledEvaluator(pack).evaluate('decision', seen.policyFacts);
    expect({ effect: again.effect, matched: again.matched.map((m) => m.id) }).toEqual({
      effect: seen.policyEvaluation.effect.toLowerCase(),
      matched: seen.policyEvaluation.matched.map((m: { id: string }) => m.id),
    });

    const auditor = await principalWithRole(t, 'auditor');
    const limited = ok(await t.gql(auditor.key, FACTS, { id })).decision;
    expect(limited.policyFactsWithheld).toEqual(['decision.output', 'context']);
    expect(limited.policyFacts.decision.output).toBeNull();
    expect(limited.policyFacts.context).toEqual({});
    expect(limited.policyFacts.automation).toEqual(seen.policyFacts.automation);
  });

  it('lists a dataset version the model was both trained and evaluated on once in the facts', async () => {
    const suffix = Math.random().toString(16).slice(2, 8);
    const gql = async (q: string, v: Record<string, unknown>) => ok(await t.gql(t.adminKey, q, v));
    const datasetId = (await gql('mutation($n: String!) { registerDataset(input: { name: $n }) { id } }', { n: `both-${suffix}` }))
      .registerDataset.id;
    const dv = (
      await gql('mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
        i: {
          datasetId,
          version: '1',
          sourceUri: `s3://data/both-${suffix}`,
          digest: `sha256:${'c'.repeat(64)}`,
          piiClasses: ['contact'],
          provenance: 'contract',
        },
      })
    ).registerDatasetVersion.id;
    const modelId = (await gql('mutation($n: String!) { registerModel(input: { name: $n }) { id } }', { n: `both-${suffix}` }))
      .registerModel.id;
    const modelVersionId = (
      await gql('mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
        i: {
          modelId,
          version: '1.0.0',
          artifactUri: `s3://models/both-${suffix}`,
          artifactDigest: `sha256:${'a'.repeat(64)}`,
          framework: 'xgboost',
          riskTier: 'LOW',
          trainingDatasetVersionIds: [dv],
          evaluationDatasetVersionIds: [dv],
        },
      })
    ).registerModelVersion.id;
    const automationId = (
      await gql('mutation($i: RegisterAutomationInput!) { registerAutomation(input: $i) { id } }', {
        i: { key: `both-${suffix}`, name: 'both' },
      })
    ).registerAutomation.id;
    await gql('mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
      i: {
        automationId,
        version: '1',
        purpose: 'Route claims',
        riskClass: 'MINIMAL',
        oversightMode: 'NONE',
        environment: 'STAGING',
        modelVersionIds: [modelVersionId],
      },
    });
    const id = (
      await gql(RECORD, { i: { automationId, modelVersionId, idempotencyKey: `both-${suffix}`, input: { a: 1 }, output: { b: 2 } } })
    ).recordDecision.decision.id;
    const facts = (await gql(FACTS, { id })).decision.policyFacts;
    expect(facts.datasetVersions).toEqual([{ id: dv, piiClasses: ['contact'], provenance: 'contract' }]);
  });

  it('gives each gated version the facts of the move into its status, which the gate judges again as it did', async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'] });
    ok(await t.gql(t.adminKey, MOVE_MODEL, { id: f.modelVersionId, to: 'IN_REVIEW', r: 'ready' }));
    const officer = await principalWithRole(t, 'compliance_officer');
    ok(await t.gql(officer.key, MOVE_MODEL, { id: f.modelVersionId, to: 'APPROVED', r: 'checked' }));
    const auditor = await principalWithRole(t, 'auditor');
    const gates = ok(await t.gql(auditor.key, GATES)).lifecycleGateFacts;
    const gate = gates.find((g: { id: string }) => g.id === f.modelVersionId);
    expect(gate).toMatchObject({
      subjectType: 'ModelVersion',
      status: 'approved',
      appliesTo: 'model.transition',
      label: expect.stringMatching(/ 1\.0\.0$/),
      facts: {
        transition: { from: 'in_review', to: 'approved', actorId: officer.id },
        principal: { id: officer.id, roles: ['compliance_officer'] },
        modelVersion: { status: 'in_review', approverCount: 1 },
      },
    });
    // The gate let it through; judged again with the rebuilt facts, it still does.
    expect(new CompiledEvaluator(pack).evaluate('model.transition', gate.facts).effect).not.toBe('deny');
    expect(gates.some((g: { id: string }) => g.id === f.automationVersionId)).toBe(false); // still a draft: no gate passed yet
    expect(errorCode(await t.gql(f.service.key, GATES))).toBe('FORBIDDEN');
  });

  it("replays them with `attest policy diff --from-api`, an auditor's key, through the CLI", async () => {
    const f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    for (const confidence of [0.75, 0.95]) ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence }) }));
    const auditor = await principalWithRole(t, 'auditor');
    const server = t.app.getHttpServer().listening ? t.app.getHttpServer() : await t.app.listen(0, '127.0.0.1');
    const repo = PolicyRepo.withRealPolicies();
    try {
      buildApps();
      repo.replace('policies/default/high-risk-low-confidence-review.yaml', 'value: 0.7 }', 'value: 0.8 }');
      const port = (server.address() as AddressInfo).port;
      const run = await new Promise<{ code: number; stdout: string }>((done) => {
        let stdout = '';
        const child = spawn(
          process.execPath,
          [CLI, 'policy', 'diff', '--base', 'HEAD', '--from-api', `http://127.0.0.1:${port}`, '--format', 'json'],
          {
            cwd: repo.dir,
            env: { PATH: process.env.PATH ?? '', ATTEST_API_KEY: auditor.key },
            stdio: ['ignore', 'pipe', 'ignore'],
          },
        );
        child.stdout.on('data', (c) => (stdout += c));
        child.on('close', (c) => done({ code: c ?? 1, stdout }));
      });
      expect(run.code).toBe(0);
      const [replay] = JSON.parse(run.stdout).replay.reports;
      expect(replay.decisions).toBeGreaterThanOrEqual(2);
      expect(replay.gates.checked).toBeGreaterThanOrEqual(1);
      expect(replay.withheldFacts).toEqual(['context', 'decision.output']); // an auditor may not read them
      expect(replay.byEffect).toContainEqual(expect.objectContaining({ from: 'allow', to: 'require_review' })); // the 0.75 decision
    } finally {
      repo.dispose();
    }
  });

  it('exports gates and decisions with `attest policy decisions`, and the replay of the export under the same pack changes nothing', async () => {
    const f = await automationFixture(t, { trainingPii: ['contact'], oversightMode: 'SAMPLE' });
    for (let i = 0; i < 3; i++) ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    const officer = await principalWithRole(t, 'compliance_officer');
    const server = t.app.getHttpServer().listening ? t.app.getHttpServer() : await t.app.listen(0, '127.0.0.1');
    const dir = mkdtempSync(join(tmpdir(), 'attest-export-'));
    try {
      buildApps();
      const out = join(dir, 'decisions.jsonl');
      const port = (server.address() as AddressInfo).port;
      const code = await new Promise<number>((done) => {
        const child = spawn(process.execPath, [CLI, 'policy', 'decisions', '--url', `http://127.0.0.1:${port}`, '--out', out], {
          env: { PATH: process.env.PATH ?? '', ATTEST_API_KEY: officer.key },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        child.on('close', (c) => done(c ?? 1));
      });
      expect(code).toBe(0);
      const records: ReplayRecord[] = [];
      for await (const r of decisionsFromFile(out)) records.push(r);
      expect(records.filter((r) => r.kind === 'decision').length).toBeGreaterThanOrEqual(4);
      expect(records.some((r) => r.kind === 'gate')).toBe(true);
      expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/"kind":"gate"/); // gates first
      const [report] = await replayDecisions([{ base: pack, head: pack }], records);
      expect(report).toMatchObject({ changed: 0, failed: 0, gates: { changed: [] } });
      // Each decision's facts give again what was recorded.
      const evaluator = new CompiledEvaluator(pack);
      for (const r of records) {
        if (r.kind !== 'decision' || !r.facts || !r.recorded) continue;
        expect(evaluator.evaluate('decision', r.facts).effect).toBe(r.recorded.effect);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpanLine } from '../libs/observability/src';
import { httpCaller } from './support/attest-process';
import { automationFixture, decisionInput, RECORD } from './support/decision-fixtures';
import { processHarness } from './support/process-harness';
import { callerTraceparent, readSpans, SPAN_KIND, spanTree } from './support/span-file';
import { ok, type GraphQLCaller } from './support/test-app';
import { until } from './support/until';

const PATIENCE_MS = 90_000;

/**
 * Traces as an operator's collector would receive them: the built API (and worker) write every
 * span to a file (ATTEST_TRACES_FILE, the test hook of libs/observability), and the test reads the
 * tree back. A caller's traceparent is continued, the decision keeps its trace id, a queued job
 * continues the trace in the worker process, and no decision content reaches a span.
 */
describe('OpenTelemetry traces', () => {
  const harness = processHarness();
  let folder: string;
  let tracesFile: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'attest-traces-'));
    await chmod(folder, 0o711); // the embedded PostgreSQL runs as `postgres` and must traverse it
    tracesFile = join(folder, 'spans.jsonl');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const caller = () => ({ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') });
  /** Content no span may carry: it is in the decision's input, output and context. */
  const secret = () => `secret-${randomBytes(8).toString('hex')}`;
  const contentOf = (marker: string) => ({
    input: { applicant: { name: marker, email: `${marker}@example.com` } },
    output: { route: marker },
    context: { note: marker },
  });

  function expectNoContent(spans: SpanLine[], marker: string): void {
    const leaked = spans.filter((span) => JSON.stringify(span.attributes).includes(marker));
    expect(leaked.map((span) => span.name)).toEqual([]);
  }

  async function recordUnderTrace(api: GraphQLCaller, marker: string) {
    const f = await automationFixture(api);
    const { traceId, spanId } = caller();
    const recorded = ok(
      await api.gql(f.service.key, RECORD, { i: decisionInput(f, contentOf(marker)) }, { traceparent: callerTraceparent(traceId, spanId) }),
    ).recordDecision.decision;
    const stored = ok(await api.gql(f.service.key, 'query($id: ID!) { decision(id: $id) { traceId } }', { id: recorded.id })).decision;
    const spans = await until(
      () => {
        const mine = readSpans(tracesFile).filter((s) => s.traceId === traceId);
        return mine.some((s) => s.kind === SPAN_KIND.SERVER) ? mine : undefined;
      },
      'the request span to be exported',
      PATIENCE_MS,
    );
    return { f, traceId, spanId, stored, spans };
  }

  async function expectRecordDecisionTree(api: GraphQLCaller): Promise<void> {
    const marker = secret();
    const { f, traceId, spanId, stored, spans } = await recordUnderTrace(api, marker);
    expect(stored.traceId).toBe(traceId);

    const tree = spanTree(spans, spanId);
    if (process.env.ATTEST_PRINT_SPANS) process.stdout.write(`${tree}\n`);
    const server = spans.find((s) => s.kind === SPAN_KIND.SERVER)!;
    // The request continues the caller's span; everything else of the trace descends from it.
    expect(server).toMatchObject({ parentSpanId: spanId, service: 'attest-api' });
    expect(server.name).toMatch(/^POST/);
    const under = descendants(spans, server.spanId);
    expect(under.length).toBe(spans.length - 1);
    // The GraphQL execution span (named after its operation), after its parse and validate spans.
    const execute = under.find((s) => s.attributes['graphql.operation.type'] === 'mutation');
    expect(execute).toBeDefined();
    expect(under.map((s) => s.name)).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
    const statements = under.filter((s) => s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql');
    expect(statements.length).toBeGreaterThan(0);
    // Statement text, whose values are parameters ($1…): the insert, inside the GraphQL execution
    // (the API key's look-up comes before it, beside parse and validate).
    const insert = statements.find((s) => s.attributes['db.postgresql.plan'] === 'attest_insert_decisions');
    expect(insert).toBeDefined();
    expect(isUnder(spans, insert!, execute!.spanId)).toBe(true);
    expect(insert!.attributes['db.query.text']).toMatch(/jsonb_to_recordset\(\$1::jsonb\).*INSERT INTO decisions/s);
    const texts = statements.map((s) => String(s.attributes['db.query.text']));
    expect(texts.some((text) => text.includes(f.automationId))).toBe(false);
    // The span that ran recordDecision names the tenant and the automation.
    expect(under.some((s) => s.attributes['attest.automation_id'] === f.automationId)).toBe(true);
    expect(under.some((s) => typeof s.attributes['attest.tenant_id'] === 'string')).toBe(true);
    expectNoContent(readSpans(tracesFile), marker);
  }

  it('recordDecision with a traceparent: HTTP → GraphQL → statements in the caller’s trace, the decision keeps its id', async () => {
    const api = await harness.start('api', { ...harness.baseEnv(), ATTEST_TRACES_FILE: tracesFile });
    await expectRecordDecisionTree(httpCaller(api.port!, harness.adminKey));
  });

  it('the same in the embedded default (its own PostgreSQL)', async () => {
    const { DATABASE_URL: _server, ...env } = harness.baseEnv();
    const api = await harness.start('api', { ...env, ATTEST_DATA_DIR: join(folder, 'data'), ATTEST_TRACES_FILE: tracesFile });
    try {
      await expectRecordDecisionTree(httpCaller(api.port!, harness.adminKey));
    } finally {
      await api.stop('SIGTERM'); // lets the embedded PostgreSQL stop before its folder goes
    }
  });

  if (process.env.REDIS_URL) {
    it('ingestDecisions through Redis: the worker process continues the trace into its statements', async () => {
      const env = {
        ...harness.baseEnv(),
        REDIS_URL: process.env.REDIS_URL!,
        ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
        ATTEST_TRACES_FILE: tracesFile,
      };
      const apiProcess = await harness.start('api', env);
      await harness.start('worker', env);
      const api = httpCaller(apiProcess.port!, harness.adminKey);
      const f = await automationFixture(api);
      const marker = secret();
      const { traceId, spanId } = caller();
      const items = Array.from({ length: 3 }, () => decisionInput(f, contentOf(marker)));
      const job = ok(
        await api.gql(
          f.service.key,
          'mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id } }',
          { i: { decisions: items } },
          { traceparent: callerTraceparent(traceId, spanId) },
        ),
      ).ingestDecisions;
      await until(
        async () =>
          ok(await api.gql(f.service.key, 'query($id: ID!) { ingestJob(id: $id) { status } }', { id: job.id })).ingestJob.status ===
          'COMPLETED',
        'the ingest to complete',
        PATIENCE_MS,
      );
      const spans = await until(
        () => {
          const mine = readSpans(tracesFile).filter((s) => s.traceId === traceId);
          const processed = mine.find((s) => s.service === 'attest-worker' && s.kind === SPAN_KIND.CONSUMER);
          return processed && mine.some((s) => s.kind === SPAN_KIND.SERVER) ? mine : undefined;
        },
        'the worker’s spans to be exported',
        PATIENCE_MS,
      );
      if (process.env.ATTEST_PRINT_SPANS) process.stdout.write(`${spanTree(spans, spanId)}\n`);
      const server = spans.find((s) => s.kind === SPAN_KIND.SERVER)!;
      expect(server).toMatchObject({ service: 'attest-api', parentSpanId: spanId });
      const send = spans.find((s) => s.kind === SPAN_KIND.PRODUCER && s.attributes['messaging.destination.name'] === 'decisions.ingest');
      expect(send).toMatchObject({ service: 'attest-api' });
      expect(isUnder(spans, send!, server.spanId)).toBe(true);
      // The job's run is a child of the send, in the other process, and its statements are under it.
      const processed = spans.find(
        (s) => s.kind === SPAN_KIND.CONSUMER && s.attributes['messaging.destination.name'] === 'decisions.ingest',
      )!;
      expect(processed).toMatchObject({ service: 'attest-worker', parentSpanId: send!.spanId });
      expect(processed.attributes).toMatchObject({ 'messaging.system': 'bullmq', 'attest.tenant_id': expect.any(String) });
      const workerStatements = descendants(spans, processed.spanId).filter((s) => String(s.name).startsWith('pg.'));
      expect(workerStatements.length).toBeGreaterThan(0);
      expect(workerStatements.every((s) => s.service === 'attest-worker')).toBe(true);
      // Redis commands are traced by name only: BullMQ's scripts carry the payload as arguments.
      const redis = spans.filter((s) => s.attributes['db.system'] === 'redis' || s.attributes['db.system.name'] === 'redis');
      expect(redis.length).toBeGreaterThan(0);
      // The decisions recorded by the job carry the caller's trace id.
      const traced = ok(
        await api.gql(
          f.service.key,
          'query($a: ID!) { decisions(filter: { automationId: $a }, first: 10) { edges { node { traceId } } } }',
          {
            a: f.automationId,
          },
        ),
      ).decisions.edges;
      expect(traced.map((e: { node: { traceId: string } }) => e.node.traceId)).toEqual([traceId, traceId, traceId]);
      expectNoContent(readSpans(tracesFile), marker);
    });
  }
});

function descendants(spans: SpanLine[], ancestorId: string): SpanLine[] {
  return spans.filter((span) => isUnder(spans, span, ancestorId));
}

function isUnder(spans: SpanLine[], span: SpanLine, ancestorId: string): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let parent = span.parentSpanId; parent !== undefined; parent = byId.get(parent)?.parentSpanId) {
    if (parent === ancestorId) return true;
  }
  return false;
}

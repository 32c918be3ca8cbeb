import { automationFixture, decisionInput, type AutomationFixture } from '../support/decision-fixtures';
import { withClient } from '../support/test-database';
import { ok, principalWithRole, startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const RECORD = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { replayed decision { id status } } }`;
const RECORD_MANY = `mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) {
  counts { recorded pendingReview blocked replayed failed }
  results { index error { code field message } decision { id } } } }`;
const INGEST = `mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id } }`;
const INGEST_JOB = `query($id: ID!) { ingestJob(id: $id) { status counts { recorded pendingReview blocked replayed failed }
  errors(first: 1000) { index idempotencyKey code field message } } }`;
const READ = `query($id: ID!) { decision(id: $id) { input output context } }`;
const REVIEW = `mutation($id: ID!, $v: ReviewVerdict!, $r: String!, $c: JSON) {
  reviewDecision(id: $id, verdict: $v, rationale: $r, correctedOutput: $c) { id status } }`;

const NUL = '\u0000';
/** Deeper than PostgreSQL's jsonb (and a recursive walk) takes comfortably: the depth of issue 13. */
const DEEP_LEVELS = 2_500;
const deep = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { d: value };
  return value;
};
/** JSON parsed, so `__proto__` is an own key as a client sends it, not a prototype. */
const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;

/** Every free-form field of a decision, each spoiled on its own: the field at fault and the value to put there. */
const spoiled = (bad: (path: string) => unknown): [string, Record<string, unknown>][] => [
  ['input', { input: bad('input') }],
  ['output', { output: bad('output') }],
  ['context', { context: { facts: bad('context') } }],
  [
    'explanation[0].featureAttribution.value',
    { explanation: [{ featureAttribution: { feature: 'age', value: bad('value'), weight: 0.1 } }] },
  ],
];
const nulCases: [string, Record<string, unknown>][] = [
  ...spoiled(() => `a${NUL}b`),
  ['input (a key)', { input: parsed(`{"a${'\\u0000'}":1}`) }],
  ['correlationId', { correlationId: `c${NUL}` }],
  ['idempotencyKey', { idempotencyKey: `k${NUL}` }],
  ['subjectRef', { subjectRef: `customer:${NUL}` }],
  ['sourceDatasets[0].name', { sourceDatasets: [{ namespace: 's3://data', name: `claims${NUL}` }] }],
  ['explanation[0].note.text', { explanation: [{ note: { text: `note${NUL}` } }] }],
  ['explanation[0].ruleFired.outcome', { explanation: [{ ruleFired: { ruleId: 'r1', outcome: `matched${NUL}` } }] }],
  ['explanation[0].llmCall.prompt', { explanation: [{ llmCall: { model: 'm', promptDigest: 'sha256:abcdef01', prompt: `p${NUL}` } }] }],
];
const deepCases = spoiled(() => deep(DEEP_LEVELS));
const DROPPED_KEYS = ['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

describe('abuse: NUL characters, deep nesting and prototype-named keys in decision inputs', () => {
  let t: TestApp;
  let f: AutomationFixture;
  let reviewer: { key: string };
  const decisionCount = () =>
    withClient(t.databaseUrl, async (c) => (await c.query('SELECT count(*)::int AS n FROM decisions')).rows[0].n as number);
  /** An answer that is an error of the input: no 5xx, no stack trace, the documented code. */
  const expectRefused = (res: GraphQLResponse, field?: string) => {
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|\n\s+at |Internal error/i);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      ...(field ? { field: expect.stringContaining(field) } : {}),
    });
  };
  const readBack = async (id: string) => ok(await t.gql(t.adminKey, READ, { id })).decision;

  beforeAll(async () => {
    // In-process jobs: the ingest's chunks are recorded by this process.
    t = await startTestApp({ REDIS_URL: '' });
    f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    reviewer = await principalWithRole(t, 'compliance_officer');
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });
  afterAll(() => t?.close());

  describe('recordDecision refuses the whole call with VALIDATION_FAILED and the path, and writes nothing', () => {
    it.each(nulCases)('a NUL character in %s', async (field, extra) => {
      const before = await decisionCount();
      expectRefused(await t.gql(f.service.key, RECORD, { i: decisionInput(f, extra) }), field.replace(' (a key)', ''));
      expect(await decisionCount()).toBe(before);
    });

    it.each(deepCases)(`${DEEP_LEVELS} levels of nesting in %s`, async (field, extra) => {
      const before = await decisionCount();
      const res = await t.gql(f.service.key, RECORD, { i: decisionInput(f, extra) });
      expectRefused(res, field);
      expect(res.errors?.[0].message).toMatch(/deeper than 64 levels/);
      expect(await decisionCount()).toBe(before);
    });

    it('nesting far deeper than the body parser minds (200,000 levels), sent as raw JSON', async () => {
      const before = await decisionCount();
      const item = JSON.stringify(decisionInput(f)).replace('"input":{', `"input":{"deep":${'['.repeat(200_000)}${']'.repeat(200_000)},`);
      const res = await t.raw(f.service.key, `{"query":${JSON.stringify(RECORD)},"variables":{"i":${item}}}`);
      expectRefused(res, 'input');
      expect(await decisionCount()).toBe(before);
    });

    it('a key named __proto__, at the top or nested, naming its path', async () => {
      for (const [input, path] of [
        [parsed('{"a":1,"__proto__":{"x":1}}'), 'input.__proto__'],
        [parsed('{"a":{"b":[{"__proto__":null}]}}'), 'input.a.b[0].__proto__'],
      ] as const) {
        const before = await decisionCount();
        const res = await t.gql(f.service.key, RECORD, { i: decisionInput(f, { input }) });
        expectRefused(res, path);
        expect(await decisionCount()).toBe(before);
      }
    });
  });

  it('stores keys named after Object.prototype members as sent, at the top and nested, in input, output and context', async () => {
    const named = Object.fromEntries(DROPPED_KEYS.map((k) => [k, `evidence ${k}`]));
    const sent = {
      input: { a: 1, ...named, nested: { list: [named] } },
      output: { route: 'manual', ...named },
      context: { ...named, inner: named },
    };
    const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, sent) })).recordDecision;
    expect(await readBack(decision.id)).toEqual(sent);

    const batch = ok(await t.gql(f.service.key, RECORD_MANY, { i: { decisions: [decisionInput(f, sent)] } })).recordDecisions;
    expect(batch.results[0].error).toBeNull();
    expect(await readBack(batch.results[0].decision.id)).toEqual(sent);
  });

  it('does not take {"a":1,"toString":"evidence"} and {"a":1} for the same request under one idempotency key', async () => {
    const idempotencyKey = `proto-${Date.now()}`;
    ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { idempotencyKey, input: { a: 1, toString: 'evidence' } }) }));
    const again = await t.gql(f.service.key, RECORD, { i: decisionInput(f, { idempotencyKey, input: { a: 1 } }) });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('recordDecisions records the good items and refuses each bad one by its index, with the path', async () => {
    const bad = [...nulCases, ...deepCases];
    const items = [decisionInput(f), ...bad.map(([, extra]) => decisionInput(f, extra)), decisionInput(f)];
    const before = await decisionCount();
    const res = await t.gql(f.service.key, RECORD_MANY, { i: { decisions: items } });
    expect(res.status).toBeLessThan(500);
    const { results, counts } = ok(res).recordDecisions;
    expect(results[0]).toMatchObject({ error: null, decision: { id: expect.any(String) } });
    expect(results[items.length - 1]).toMatchObject({ error: null, decision: { id: expect.any(String) } });
    bad.forEach(([field], i) => {
      expect(results[i + 1]).toMatchObject({
        index: i + 1,
        decision: null,
        error: { code: 'VALIDATION_FAILED', field: expect.stringContaining(field.replace(' (a key)', '')) },
      });
    });
    expect(counts.failed).toBe(bad.length);
    expect(await decisionCount()).toBe(before + 2);
  });

  it('stores occurredAt as sent, and refuses times outside the years 0001 to 9999 (PostgreSQL stores none before 4713 BC) by field, item by item, and as filters', async () => {
    const times = ['-005000-01-01T00:00:00.000Z', '0000-06-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z'];
    const earliest = '0001-01-01T00:00:00.000Z';
    const stored = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { occurredAt: earliest }) })).recordDecision.decision;
    const [first] = ok(await t.gql(f.service.key, RECORD_MANY, { i: { decisions: [decisionInput(f, { occurredAt: earliest })] } }))
      .recordDecisions.results;
    for (const { id } of [stored, first.decision]) {
      expect(ok(await t.gql(t.adminKey, 'query($id: ID!) { decision(id: $id) { occurredAt } }', { id })).decision.occurredAt).toBe(
        earliest,
      );
    }

    const before = await decisionCount();
    for (const occurredAt of times)
      expectRefused(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { occurredAt }) }), 'occurredAt');

    const items = [decisionInput(f), ...times.map((occurredAt) => decisionInput(f, { occurredAt }))];
    const { results, counts } = ok(await t.gql(f.service.key, RECORD_MANY, { i: { decisions: items } })).recordDecisions;
    expect(results[0]).toMatchObject({ error: null, decision: { id: expect.any(String) } });
    times.forEach((_, i) =>
      expect(results[i + 1]).toMatchObject({ index: i + 1, decision: null, error: { code: 'VALIDATION_FAILED', field: 'occurredAt' } }),
    );
    expect(counts.failed).toBe(times.length);
    expect(await decisionCount()).toBe(before + 1);

    expectRefused(
      await t.gql(t.adminKey, 'query($from: DateTime) { decisions(first: 1, filter: { from: $from }) { edges { node { id } } } }', {
        from: times[0],
      }),
      'from',
    );
    expectRefused(
      await t.gql(t.adminKey, 'query($to: DateTime) { auditEvents(first: 1, filter: { to: $to }) { edges { node { id } } } }', {
        to: times[2],
      }),
      'to',
    );
  });

  /** The ingest job once completed. Generous: the point is that it completes at the first try, not within a budget. */
  const ingestCompleted = (id: string) =>
    until(
      async () => {
        const job = ok(await t.gql(f.service.key, INGEST_JOB, { id })).ingestJob;
        return job.status === 'COMPLETED' ? job : undefined;
      },
      `ingest ${id} to complete`,
      120_000,
    );

  it('ingestDecisions records the good items and dead-letters only the bad ones, each by index and reason, at the first try', async () => {
    const prefix = `ingest-abuse-${Date.now()}`;
    const items = [
      decisionInput(f, { idempotencyKey: `${prefix}-0` }),
      decisionInput(f, { idempotencyKey: `${prefix}-1`, input: { text: `a${NUL}b` } }),
      decisionInput(f, { idempotencyKey: `${prefix}-2` }),
      decisionInput(f, { idempotencyKey: `${prefix}-3`, output: deep(DEEP_LEVELS) }),
      decisionInput(f, { idempotencyKey: `${prefix}-4`, input: parsed('{"toString":"evidence"}') }),
    ];
    const before = await decisionCount();
    const { id } = ok(await t.gql(f.service.key, INGEST, { i: { decisions: items } })).ingestDecisions;
    const done = await ingestCompleted(id);
    expect(done.counts).toMatchObject({ failed: 2, replayed: 0 });
    expect(done.errors).toEqual([
      { index: 1, idempotencyKey: `${prefix}-1`, code: 'VALIDATION_FAILED', field: 'input.text', message: expect.stringContaining('NUL') },
      {
        index: 3,
        idempotencyKey: `${prefix}-3`,
        code: 'VALIDATION_FAILED',
        field: expect.stringContaining('output'),
        message: expect.stringContaining('deeper'),
      },
    ]);
    expect(await decisionCount()).toBe(before + 3);
    const stored = await withClient(t.databaseUrl, (c) =>
      c.query('SELECT input FROM decisions WHERE idempotency_key = $1', [`${prefix}-4`]),
    );
    expect(stored.rows[0].input).toEqual({ toString: 'evidence' });
  });

  it('ingestDecisions takes an item too deep even to be staged (200,000 levels) as a dead letter, not a failed call', async () => {
    const good = JSON.stringify(decisionInput(f));
    const bad = JSON.stringify(decisionInput(f)).replace('"input":{', `"input":{"deep":${'['.repeat(200_000)}${']'.repeat(200_000)},`);
    const res = await t.raw(f.service.key, `{"query":${JSON.stringify(INGEST)},"variables":{"i":{"decisions":[${good},${bad}]}}}`);
    expect(res.status).toBeLessThan(500);
    const { id } = ok(res).ingestDecisions;
    const done = await ingestCompleted(id);
    expect(done.errors).toEqual([
      {
        index: 1,
        idempotencyKey: expect.any(String),
        code: 'VALIDATION_FAILED',
        field: 'input',
        message: expect.stringContaining('deeper than 64'),
      },
    ]);
    expect(done.counts.failed).toBe(1);
  });

  it('recordDecisions narrows a database error to the item that caused it: the others are recorded', async () => {
    const prefix = `record-db-${Date.now()}`;
    // Valid to the API, refused by the database (a constraint of this test's own database).
    await withClient(t.databaseUrl, (c) =>
      c.query(`ALTER TABLE decisions ADD CONSTRAINT test_refuses_one CHECK (idempotency_key IS DISTINCT FROM '${prefix}-2') NOT VALID`),
    );
    try {
      const items = Array.from({ length: 5 }, (_, i) => decisionInput(f, { idempotencyKey: `${prefix}-${i}` }));
      const before = await decisionCount();
      const { results, counts } = ok(await t.gql(f.service.key, RECORD_MANY, { i: { decisions: items } })).recordDecisions;
      expect(results.map((r: { error: { code: string } | null }) => r.error?.code ?? null)).toEqual([
        null,
        null,
        'VALIDATION_FAILED',
        null,
        null,
      ]);
      expect(results[2].error.message).toMatch(/database refused this decision \(SQLSTATE 23514\)/);
      expect(counts).toMatchObject({ failed: 1 });
      expect(await decisionCount()).toBe(before + 4);
    } finally {
      await withClient(t.databaseUrl, (c) => c.query('ALTER TABLE decisions DROP CONSTRAINT test_refuses_one'));
    }
  });

  it('ingestDecisions narrows a database error to the item that caused it: the others are recorded at the first try', async () => {
    const prefix = `ingest-db-${Date.now()}`;
    // Valid to the API, refused by the database (a constraint of this test's own database): the chunk's one INSERT fails on it.
    await withClient(t.databaseUrl, (c) =>
      c.query(`ALTER TABLE decisions ADD CONSTRAINT test_refuses_one CHECK (idempotency_key IS DISTINCT FROM '${prefix}-4') NOT VALID`),
    );
    const items = Array.from({ length: 7 }, (_, i) => decisionInput(f, { idempotencyKey: `${prefix}-${i}` }));
    const before = await decisionCount();
    const { id } = ok(await t.gql(f.service.key, INGEST, { i: { decisions: items } })).ingestDecisions;
    const done = await ingestCompleted(id);
    expect(done.errors).toEqual([
      {
        index: 4,
        idempotencyKey: `${prefix}-4`,
        code: 'VALIDATION_FAILED',
        field: null,
        message: expect.stringMatching(/database refused this decision \(SQLSTATE 23514\)/),
      },
    ]);
    expect(done.counts.failed).toBe(1);
    expect(await decisionCount()).toBe(before + 6);
    await withClient(t.databaseUrl, (c) => c.query('ALTER TABLE decisions DROP CONSTRAINT test_refuses_one'));
  });

  describe('reviewDecision refuses NUL and deep values, and leaves the decision pending', () => {
    const cases: [string, { r?: string; c?: unknown }][] = [
      ['rationale', { r: `looks fine${NUL}` }],
      ['correctedOutput', { c: { route: `manual${NUL}` } }],
      ['correctedOutput', { c: deep(DEEP_LEVELS) }],
      ['correctedOutput', { c: parsed('{"__proto__":{"route":"manual"}}') }],
    ];
    it.each(cases)('in %s', async (field, { r, c }) => {
      const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.2 }) })).recordDecision;
      expect(decision.status).toBe('PENDING_REVIEW');
      const res = await t.gql(reviewer.key, REVIEW, {
        id: decision.id,
        v: 'OVERRIDE',
        r: r ?? 'corrected by hand',
        c: c ?? { route: 'manual' },
      });
      expectRefused(res, field);
      const after = ok(
        await t.gql(t.adminKey, `query($id: ID!) { decision(id: $id) { status review { id } } }`, { id: decision.id }),
      ).decision;
      expect(after).toEqual({ status: 'PENDING_REVIEW', review: null });
    });

    it('stores a corrected output with prototype-named keys as sent', async () => {
      const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.2 }) })).recordDecision;
      const corrected = { route: 'manual', toString: 'x', nested: { constructor: 'y', valueOf: 'z' } };
      ok(await t.gql(reviewer.key, REVIEW, { id: decision.id, v: 'OVERRIDE', r: 'corrected by hand', c: corrected }));
      const after = ok(
        await t.gql(t.adminKey, `query($id: ID!) { decision(id: $id) { review { correctedOutput } } }`, { id: decision.id }),
      ).decision;
      expect(after.review.correctedOutput).toEqual(corrected);
    });
  });
});

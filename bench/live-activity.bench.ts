/**
 * Live updates benchmark (issue 17): what the console's `subscription { activity }` costs, with one
 * tenant holding BENCH_LIVE_DECISIONS decisions (default 1,000,000) over BENCH_LIVE_DAYS days
 * (default 60), BENCH_LIVE_PENDING of them (default 5,000) pending review with open review items.
 *
 * The decisions are copies of one recorded through the API, inserted in bulk with their ledger
 * leaves (the insert triggers on: the review-item trigger opens the items of those sent to review),
 * 1 in 10 of them in an automation owned by an automation owner; the API's sequencer seals them.
 *
 * Measured in the same run:
 * - the watermark ActivityWatch reads once a second per read scope (`readActivityWatermark`, the
 *   same function, in a tenant transaction of an application instance in this process) for a
 *   compliance officer (reads the tenant) and an automation owner (a conditional read rule);
 * - baselines: `SELECT 1` in a tenant transaction (the floor of any poll), and `reviewQueue(first: 50)`
 *   over GraphQL (what a console polling its queue page every second would cost instead);
 * - recordDecision throughput of the API (its own process) with 0 and with 20 graphql-ws subscribers
 *   (10 compliance officers: one scope; 10 automation owners: ten scopes), in short interleaved rounds.
 *   npm run bench:live-activity      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_LIVE_DECISIONS=20000 BENCH_LIVE_PENDING=200 BENCH_LIVE_ROUNDS=2  a quick run
 * Results go into docs/performance.md "Live updates".
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import type { Pool } from 'pg';
import WebSocket from 'ws';
import { loadConfig, TenantDb } from '@attest/core';
import { readActivityWatermark } from '@attest/decisions';
import { Authenticator, type AuthenticatedPrincipal } from '@attest/identity';
import { createApp } from '@attest/platform';
import { withBenchApi } from './support/bench-api';
import { decisionPayload, prepareTarget, principalWithRole, recordTemplate, type Target } from './support/bench-target';
import { GraphQLClient } from './support/graphql-client';
import { sealBulkInsert } from './support/ledger-progress';
import { closedLoop, type LoadResult } from './support/load';
import { timeEachAsync, type Percentiles } from './support/timing';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const DECISIONS = Number(process.env.BENCH_LIVE_DECISIONS ?? 1_000_000);
const DAYS = Number(process.env.BENCH_LIVE_DAYS ?? 60);
const PENDING = Number(process.env.BENCH_LIVE_PENDING ?? 5_000);
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 5);
/** 1 in this many decisions belongs to the automation owner's automation. */
const OWNER_EVERY = 10;
const READS = 300;
/** The scope that owns no decision reads slowly (see docs/performance.md): fewer repetitions. */
const IDLE_READS = Number(process.env.BENCH_LIVE_IDLE_READS ?? 30);
const SUBSCRIBERS = 20;
const WRITERS = 8;
const WARMUP_MS = 2_000;
const ROUND_MS = 8_000;
const INSERT_CHUNK = 100_000;
const ACTIVITY = 'subscription { activity { decisions reviews at } }';
const REVIEW_QUEUE = '{ reviewQueue(first: 50) { edges { cursor node { dueAt overdue waitingSeconds decision { id status } } } } }';
const RECORD = 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id } } }';

/**
 * Decision g (1…DECISIONS) falls on day d before today, oldest first (as production records and
 * seals them); every (DECISIONS / PENDING)-th is pending review, the rest recorded; 1 in OWNER_EVERY
 * (in runs of 7) is the owner's automation's ($6, version $7).
 */
const FILL = `
  INSERT INTO decisions (id, tenant_id, automation_id, automation_version_id, model_version_id, idempotency_key, request_hash, input_hash,
                         input, output, context, confidence, status, redactions, occurred_at, recorded_at, recorded_by)
  SELECT gen_random_uuid(), t.tenant_id, CASE WHEN p.owned THEN $6::uuid ELSE t.automation_id END,
         CASE WHEN p.owned THEN $7::uuid ELSE t.automation_version_id END, t.model_version_id, 'bench-' || g, t.request_hash,
         t.input_hash, t.input, t.output, t.context, 0.5 + 0.5 * ((g * 0.6180339887) - floor(g * 0.6180339887)),
         CASE WHEN g % $8 = 0 THEN 'pending_review' ELSE 'recorded' END, t.redactions, p.at, p.at, t.recorded_by
    FROM decisions t, generate_series($2::int, $3::int) g,
         LATERAL (SELECT (g / 7) % ${OWNER_EVERY} = 0 AS owned,
                         now() - (($4 - 1) - (g - 1) * $4 / $5) * interval '1 day' - (g % 600) * interval '1 second' AS at) p
   WHERE t.id = $1`;

interface Fill {
  insertSeconds: number;
  sealSeconds: number;
  decisions: number;
  owned: number;
  openItems: number;
}

async function fillDecisions(pool: Pool, templateId: string, owned: { automationId: string; versionId: string }): Promise<Fill> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    const every = Math.max(1, Math.floor(DECISIONS / Math.max(1, PENDING)));
    for (let from = 1; from <= DECISIONS; from += INSERT_CHUNK) {
      const to = Math.min(DECISIONS, from + INSERT_CHUNK - 1);
      await client.query(FILL, [templateId, from, to, DAYS, DECISIONS, owned.automationId, owned.versionId, every]);
    }
    const inserted = Date.now();
    const sealSeconds = await sealBulkInsert(client, ['decisions', 'review_items', 'ledger_leaves']);
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM decisions)::int AS decisions,
              (SELECT count(*) FROM decisions WHERE automation_id = $1)::int AS owned,
              (SELECT count(*) FROM review_items)::int AS open_items,
              (SELECT count(*) FROM decisions WHERE status = 'pending_review')::int AS pending`,
      [owned.automationId],
    );
    // The trigger opens an item per decision sent to review: else the bench would read an empty queue.
    if (rows[0].open_items !== rows[0].pending)
      throw new Error(`${rows[0].open_items} open review items for ${rows[0].pending} pending decisions`);
    return {
      insertSeconds: (inserted - started) / 1000,
      sealSeconds,
      decisions: rows[0].decisions,
      owned: rows[0].owned,
      openItems: rows[0].open_items,
    };
  } finally {
    client.release();
  }
}

/** The automation owner's automation, with a version using the bench's model version. */
async function ownedAutomation(
  admin: GraphQLClient,
  ownerId: string,
  target: Target,
): Promise<{ automationId: string; versionId: string }> {
  const automationId: string = (
    await admin.gql('mutation($i: RegisterAutomationInput!) { registerAutomation(input: $i) { id } }', {
      i: { key: 'bench-owned', name: 'bench-owned', ownerId },
    })
  ).registerAutomation.id;
  const versionId: string = (
    await admin.gql('mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
      i: {
        automationId,
        version: '1',
        purpose: 'Route owned claims',
        riskClass: 'MINIMAL',
        oversightMode: 'NONE',
        environment: 'STAGING',
        modelVersionIds: [target.modelVersionId],
      },
    })
  ).registerAutomationVersion.id;
  return { automationId, versionId };
}

/** A graphql-ws client authenticated as a script is (an API key header), subscribed to `activity`; counts the hints. */
function subscriber(port: number, key: string, hints: { count: number }): Client {
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    lazy: false,
    retryAttempts: 0,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { authorization: `Bearer ${key}` } });
      }
    },
  });
  client.subscribe(
    { query: ACTIVITY },
    {
      next: (r) => {
        if (r.errors) throw new Error(`activity: ${JSON.stringify(r.errors)}`);
        hints.count += 1;
      },
      error: (e) => process.stderr.write(`  subscriber closed: ${JSON.stringify(e)}\n`),
      complete: () => undefined,
    },
  );
  return client;
}

interface WriteRound {
  subscribers: number;
  result: LoadResult;
  hints: number;
  load: number;
}

/** recordDecision at WRITERS concurrency, rounds of 0 and SUBSCRIBERS subscribers interleaved (ABBA), to spread the machine's drift over both. */
async function writeRounds(port: number, target: Target, keys: string[]): Promise<WriteRound[]> {
  const writer = new GraphQLClient(port, target.serviceKey, WRITERS);
  const rounds: WriteRound[] = [];
  let n = 0;
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const subscribers of r % 2 === 0 ? [0, SUBSCRIBERS] : [SUBSCRIBERS, 0]) {
        const hints = { count: 0 };
        const clients = keys.slice(0, subscribers).map((key) => subscriber(port, key, hints));
        const result = await closedLoop({
          concurrency: WRITERS,
          warmupMs: WARMUP_MS,
          durationMs: ROUND_MS,
          op: async () => {
            const body = JSON.parse(
              await writer.post(
                JSON.stringify({
                  query: RECORD,
                  variables: { i: { ...decisionPayload(target.automationId, target.modelVersionId), idempotencyKey: `live-${n++}` } },
                }),
              ),
            );
            if (body.errors) throw new Error(JSON.stringify(body.errors));
          },
        });
        for (const client of clients) await client.dispose();
        rounds.push({ subscribers, result, hints: hints.count, load: loadavg()[0] });
        process.stderr.write(
          `  round ${r + 1}, ${subscribers} subscribers: ${result.perSecond.toFixed(0)}/s p99 ${result.p99.toFixed(1)} ms, ${hints.count} hints` +
            `${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}\n`,
        );
      }
    }
  } finally {
    writer.close();
  }
  return rounds;
}

/** What the watermark must read for an automation's owner (null: the whole tenant), straight from the tables. */
async function expectedMark(pool: Pool, ownerId: string | null): Promise<string> {
  const { rows } = await pool.query(
    `SELECT (SELECT max(d.recorded_at)::text FROM decisions d
              WHERE $1::uuid IS NULL OR d.automation_id IN (SELECT id FROM registry_automation_refs WHERE owner_id = $1)) AS newest,
            (SELECT count(*) FROM review_items i
              WHERE $1::uuid IS NULL OR i.automation_id IN (SELECT id FROM registry_automation_refs WHERE owner_id = $1)) AS open`,
    [ownerId],
  );
  return `${rows[0].newest} / ${rows[0].open}`;
}

/** A read scope to time: whose key, and the automation owner it stands for (null: reads the whole tenant). */
interface ScopeToTime {
  name: string;
  key: string;
  ownerId: string | null;
  reads: number;
}

interface Reads {
  tenantSelect1: Percentiles;
  reviewQueue: Percentiles;
  scopes: { name: string; reads: number; times: Percentiles; mark: string }[];
}

/** Each scope's watermark through an application instance in this process, beside the baselines. */
async function timeReads(env: Record<string, string>, port: number, scopes: ScopeToTime[], pool: Pool): Promise<Reads> {
  const app = await createApp(loadConfig(env));
  await app.init();
  const queue = new GraphQLClient(port, scopes[0].key, 1);
  const warm = async (n: number, op: () => Promise<void>) => {
    for (let i = 0; i < 5; i++) await op();
    return timeEachAsync(n, op);
  };
  try {
    const db = app.get(TenantDb);
    const authenticator = app.get(Authenticator);
    const tenantId = (await authenticator.authenticate({ authorization: `Bearer ${scopes[0].key}` }, 'bench')).tenantId;
    const tenantSelect1 = await warm(READS, async () => {
      await db.transaction(tenantId, (m) => m.query('SELECT 1'));
    });
    const timed: Reads['scopes'] = [];
    for (const scope of scopes) {
      const actor: AuthenticatedPrincipal = await authenticator.authenticate({ authorization: `Bearer ${scope.key}` }, 'bench');
      let mark = '';
      const times = await warm(scope.reads, async () => {
        const now = await db.transaction(actor.tenantId, (m) => readActivityWatermark(m, actor));
        mark = `${now.decisions} / ${now.reviews.split('|')[0]}`;
      });
      // The scope must read what its read rule allows: else the bench timed the wrong query.
      const expected = await expectedMark(pool, scope.ownerId);
      if (mark !== expected) throw new Error(`The ${scope.name}'s watermark read ${mark}, the tables hold ${expected}`);
      timed.push({ name: scope.name, reads: scope.reads, times, mark });
    }
    const reviewQueue = await warm(READS, async () => {
      const page = await queue.gql(REVIEW_QUEUE);
      if (page.reviewQueue.edges.length !== Math.min(50, PENDING))
        throw new Error(`reviewQueue returned ${page.reviewQueue.edges.length} items`);
    });
    return { tenantSelect1, reviewQueue, scopes: timed };
  } finally {
    queue.close();
    await app.close();
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  await withBenchApi(REPO_ROOT, async ({ api, adminKey, admin, pool, env }) => {
    const port = api.port!;
    const target = await prepareTarget(port, adminKey);
    const officer = await principalWithRole(admin, 'compliance_officer', 'bench-officer');
    const owner = await principalWithRole(admin, 'automation_owner', 'bench-owner');
    const idleOwner = await principalWithRole(admin, 'automation_owner', 'bench-idle-owner');
    const owned = await ownedAutomation(admin, owner.id, target);
    const templateId = await recordTemplate(port, target);
    const fill = await fillDecisions(pool, templateId, owned);
    process.stderr.write(
      `  filled ${fill.decisions} decisions in ${fill.insertSeconds.toFixed(0)} s, sealed in ${fill.sealSeconds.toFixed(0)} s\n`,
    );

    const reads = await timeReads(
      env,
      port,
      [
        { name: 'compliance officer: tenant-wide read', key: officer.key, ownerId: null, reads: READS },
        {
          name: `automation owner: conditional read rule, owns 1 in ${OWNER_EVERY} decisions`,
          key: owner.key,
          ownerId: owner.id,
          reads: READS,
        },
        { name: 'automation owner: conditional read rule, owns no decision', key: idleOwner.key, ownerId: idleOwner.id, reads: IDLE_READS },
      ],
      pool,
    );
    const keys = [officer.key, owner.key];
    for (let i = 2; i < SUBSCRIBERS; i++) {
      keys.push((await principalWithRole(admin, i % 2 === 0 ? 'compliance_officer' : 'automation_owner', `bench-subscriber-${i}`)).key);
    }
    const rounds = await writeRounds(port, target, keys);
    print({ fill, reads, rounds, server: (await pool.query('SHOW server_version')).rows[0].server_version });
    process.stdout.write(`\nTotal bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s.\n`);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function print(r: { fill: Fill; reads: Reads; rounds: WriteRound[]; server: string }): void {
  const ms = (n: number) => n.toFixed(2);
  const { reads } = r;
  const row = (name: string, p: Percentiles) =>
    `| ${name} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${(p.p50 / reads.tenantSelect1.p50).toFixed(1)}× | ` +
    `${(p.p50 / reads.reviewQueue.p50).toFixed(2)}× |`;
  const rate = (subscribers: number) => r.rounds.filter((x) => x.subscribers === subscribers);
  const [quiet, watched] = [rate(0), rate(SUBSCRIBERS)];
  const quietRate = median(quiet.map((x) => x.result.perSecond));
  const watchedRate = median(watched.map((x) => x.result.perSecond));
  const roundRow = (x: WriteRound, i: number) =>
    `| ${i + 1} | ${x.subscribers} | ${x.result.perSecond.toFixed(0)} | ${ms(x.result.p50)} | ${ms(x.result.p99)} | ${x.hints} | ${x.load.toFixed(2)} |`;
  const worst = Math.max(...reads.scopes.map((x) => x.times.p95));
  process.stdout.write(
    [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${r.server} (${process.env.DATABASE_URL ? "DATABASE_URL's server" : 'embedded'}). ` +
        `One tenant with ${r.fill.decisions} decisions over ${DAYS} days (${r.fill.owned} in the automation owner's automation), ${r.fill.openItems} open review items, ` +
        `inserted with their ledger leaves in ${r.fill.insertSeconds.toFixed(0)} s and sealed in ${r.fill.sealSeconds.toFixed(0)} s.`,
      '',
      '| read (in this process unless said) | p50 ms | p95 ms | p99 ms | p50 vs `SELECT 1` | p50 vs `reviewQueue(first: 50)` |',
      '|---|---|---|---|---|---|',
      row(`\`SELECT 1\` in a tenant transaction (${READS}; baseline)`, reads.tenantSelect1),
      ...reads.scopes.map((x) => row(`watermark, ${x.name} (${x.reads})`, x.times)),
      row(`\`reviewQueue(first: 50)\` over GraphQL, the API's process (${READS}; baseline)`, reads.reviewQueue),
      '',
      `Watermarks read (newest decision / open review items, checked against the tables): ${reads.scopes.map((x) => `${x.name}: ${x.mark}`).join('; ')}.`,
      `One poll round reads the scopes in turn, each on one connection: ${reads.scopes.map((x) => `${Math.floor(1000 / x.times.p50)} scopes like the ${x.name.split(':')[0]}'s ("${x.name.split(': ')[1]}") a second at p50`).join(', ')}; the worst p95 is ${worst.toFixed(1)} ms.`,
      '',
      `recordDecision over GraphQL, ${WRITERS} concurrent writers, ${ROUNDS} pairs of ${ROUND_MS / 1000} s rounds (after ${WARMUP_MS / 1000} s warm-up); ` +
        `${SUBSCRIBERS} subscribers = ${SUBSCRIBERS / 2} compliance officers (one scope) + ${SUBSCRIBERS / 2} automation owners (one scope each):`,
      '',
      '| round | subscribers | decisions/s | p50 ms | p99 ms | hints received | load (1 min) |',
      '|---|---|---|---|---|---|---|',
      ...r.rounds.map(roundRow),
      '',
      `Median: ${quietRate.toFixed(0)}/s without subscribers, ${watchedRate.toFixed(0)}/s with ${SUBSCRIBERS} (${(((watchedRate - quietRate) / quietRate) * 100).toFixed(1)} %).`,
    ].join('\n') + '\n',
  );
}

runBench(main);

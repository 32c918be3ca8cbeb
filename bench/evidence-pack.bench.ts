/**
 * Evidence pack benchmark (issue 18): what exporting a decision's evidence pack costs —
 * `decisionEvidence(decisionId)` over GraphQL against the API in its own process — with one tenant
 * holding BENCH_EVIDENCE_DECISIONS decisions (default 200,000).
 *
 * The decisions are copies of one recorded through the API, with its trace and its audit event,
 * inserted in bulk with their ledger leaves (the insert triggers on); BENCH_EVIDENCE_EXPORTS / 4 of
 * them are sent to review and reviewed through the API; the API's sequencer seals them all.
 *
 * Measured in the same run, on the same BENCH_EVIDENCE_EXPORTS decisions (default 200: the reviewed
 * ones and random others), each decision's three requests one after the other (drift spreads over all):
 * - the export, `decisionEvidence` (the zip, base64 in the answer, as the console downloads it);
 * - baselines: the console's decision page reads (`decision(id)` with its trace, policy evaluation,
 *   review and audit events, and `decisionLineage`, one request) and `ledgerInclusionProof(factId)`;
 * - the split, in this process on a typical pack's own content: its summary built and rendered to
 *   PDF (`decisionSummary` + `renderPdf`; the bytes must equal the pack's summary.pdf), the proofs
 *   of its facts against the latest checkpoint (`LedgerFactProofs.prove`, one transaction), their
 *   openings, and the zip.
 * The API runs with bench-env's UNLIMITED_RATES: ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE's default (10 a principal)
 * would otherwise be what the export loop measured.
 *   npm run bench:evidence-pack      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 *   BENCH_EVIDENCE_DECISIONS=20000 BENCH_EVIDENCE_EXPORTS=100  a quick run
 * Results go into docs/performance.md "Evidence packs".
 */
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { loadConfig, TenantDb } from '@attest/core';
import { renderPdf } from '@attest/evidence';
import { LedgerFactProofs, LedgerOpenings, OPENABLE_KINDS } from '@attest/ledger';
import { createApp } from '@attest/platform';
import { decisionSummary, type SummaryInput } from '../libs/evidence/src/packs/decision/decision-summary';
import type { PackFact, PackManifest } from '../libs/evidence/src/packs/pack-layout';
import { unzipFiles, zipFiles } from '../libs/evidence/src/packs/pack-zip';
import { withBenchApi } from './support/bench-api';
import { prepareTarget, principalWithRole, recordTemplate } from './support/bench-target';
import { GraphQLClient } from './support/graphql-client';
import { sealBulkInsert } from './support/ledger-progress';
import { randomIntegers, seededRandom } from './support/seeded-random';
import { timeEachAsync, type Percentiles } from './support/timing';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const DECISIONS = Number(process.env.BENCH_EVIDENCE_DECISIONS ?? 200_000);
const EXPORTS = Number(process.env.BENCH_EVIDENCE_EXPORTS ?? 200);
const REVIEWED = Math.max(1, Math.floor(EXPORTS / 4));
const WARMUP = 10;
/** In-process repetitions of each part of the split. */
const PARTS = 50;
const INSERT_CHUNK = 50_000;
const EXPORT = 'mutation($id: ID!) { decisionEvidence(decisionId: $id) { fileName sha256 byteSize contentBase64 } }';
const PROOF = 'query($id: String!) { ledgerInclusionProof(factId: $id) { leaf leafIndex treeSize hashes checkpoint { note } } }';
/** apps/console/src/pages/decision/decision-document.ts and LineageChain.tsx, with the decision's audit events, in one request. */
const DETAIL = `query($id: ID!) {
  decision(id: $id) {
    id status outcome confidence input output context effectiveOutput withheldFields hasSubject idempotencyKey correlationId traceId
    inputHash occurredAt recordedAt recordedBy ledgerIndex sealedAt automationId automationVersionId modelVersionId
    automation { id key name }
    automationVersion { id version riskClass oversightMode }
    modelVersion { id version model { id name } }
    redactions { path detector count }
    policyEvaluation { packDigest effect matched { id version effect severity message frameworks } }
    explanation {
      __typename
      ... on FeatureAttributionStep { position feature weight value }
      ... on RuleFiredStep { position ruleId outcome }
      ... on RetrievalStep { position sourceUri digest score }
      ... on LlmCallStep { position model promptDigest prompt completion promptTokens completionTokens }
      ... on ToolCallStep { position name argsDigest resultDigest }
      ... on NoteStep { position text }
    }
    review { id verdict reviewerId rationale correctedOutput createdAt }
    auditEvents { id action actorId occurredAt ledgerIndex sealedAt }
  }
  decisionLineage(decisionId: $id) { truncated hops { node { id type label depth } evidence { actorName at ledgerIndex } } }
}`;

/**
 * Decisions g = from…to: copies of the template ($1) with its explanation steps and its audit event,
 * in one statement each chunk, as the API writes them (the ledger's triggers write every leaf at its
 * end); every $4-th is pending review (the review trigger opens its item), its event saying so.
 */
function fillStatement(columns: string[]): string {
  const copied = columns.filter((c) => c !== 'status');
  return `
  WITH copies AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, g, CASE WHEN g % $4 = 0 THEN 'pending_review' ELSE 'recorded' END AS status
      FROM generate_series($2::int, $3::int) g
  ), decision AS (
    INSERT INTO decisions (id, idempotency_key, status, ${copied.join(', ')})
    SELECT c.id, 'bench-' || c.g, c.status, ${copied.map((c) => `t.${c}`).join(', ')} FROM copies c, decisions t WHERE t.id = $1
  ), steps AS (
    INSERT INTO explanation_steps (tenant_id, decision_id, position, kind, detail)
    SELECT s.tenant_id, c.id, s.position, s.kind, s.detail FROM copies c JOIN explanation_steps s ON s.decision_id = $1
  )
  INSERT INTO audit_events (tenant_id, actor_id, action, subject_type, subject_id, before, after, changes, correlation_id, occurred_at)
  SELECT e.tenant_id, e.actor_id, 'decision.' || c.status, e.subject_type, c.id::text, e.before,
         jsonb_set(e.after, '{status}', to_jsonb(c.status)), e.changes, e.correlation_id, e.occurred_at
    FROM copies c JOIN audit_events e ON e.subject_id = $1::text`;
}

interface Fill {
  insertSeconds: number;
  sealSeconds: number;
  decisions: number;
  leaves: number;
}

async function fillDecisions(pool: Pool, templateId: string): Promise<Fill> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    const { rows: columns } = await client.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'decisions' AND column_name NOT IN ('id', 'idempotency_key') AND is_generated = 'NEVER'
        ORDER BY ordinal_position`,
    );
    const fill = fillStatement(columns.map((c) => c.name));
    const every = Math.max(1, Math.floor(DECISIONS / REVIEWED));
    for (let from = 1; from <= DECISIONS; from += INSERT_CHUNK) {
      await client.query(fill, [templateId, from, Math.min(DECISIONS, from + INSERT_CHUNK - 1), every]);
    }
    const inserted = Date.now();
    const sealSeconds = await sealBulkInsert(client, ['decisions', 'explanation_steps', 'audit_events', 'review_items', 'ledger_leaves']);
    const { rows } = await client.query(
      'SELECT (SELECT count(*) FROM decisions)::int AS decisions, (SELECT count(*) FROM ledger_leaves)::int AS leaves',
    );
    return { insertSeconds: (inserted - started) / 1000, sealSeconds, decisions: rows[0].decisions, leaves: rows[0].leaves };
  } finally {
    client.release();
  }
}

/** Reviews every pending decision through the API (approve, override, reject in turn), then waits until the ledger sealed them. */
async function reviewPending(port: number, key: string, pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM decisions WHERE status = 'pending_review' ORDER BY id`);
  const reviewer = new GraphQLClient(port, key, 1);
  const verdicts = ['APPROVE', 'OVERRIDE', 'REJECT'];
  try {
    for (const [i, { id }] of rows.entries()) {
      const verdict = verdicts[i % verdicts.length];
      await reviewer.gql(
        'mutation($id: ID!, $v: ReviewVerdict!, $o: JSON) { reviewDecision(id: $id, verdict: $v, rationale: "Checked against the claim file", correctedOutput: $o) { id } }',
        { id, v: verdict, o: verdict === 'OVERRIDE' ? { route: 'manual', reserve: 1500, reasons: ['photos unclear'] } : null },
      );
    }
  } finally {
    reviewer.close();
  }
  for (;;) {
    const pending = await pool.query('SELECT EXISTS (SELECT 1 FROM ledger_leaves WHERE position IS NULL) AS pending');
    if (!pending.rows[0].pending) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  return rows.map((r) => r.id);
}

/** The reviewed decisions and random others (seeded: the same positions in every run), shuffled together. */
async function sampleDecisions(pool: Pool, reviewed: string[]): Promise<string[]> {
  const random = seededRandom(18);
  const keys = randomIntegers(random, EXPORTS * 2, 1, DECISIONS + 1).map((g) => `bench-${g}`);
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM decisions WHERE idempotency_key = ANY($1) AND status = 'recorded' AND NOT id = ANY($2::uuid[]) LIMIT $3`,
    [keys, reviewed, EXPORTS - reviewed.length],
  );
  const sample = [...reviewed, ...rows.map((r) => r.id)];
  if (sample.length !== EXPORTS) throw new Error(`sampled ${sample.length} decisions, not ${EXPORTS}`);
  return sample
    .map((id) => ({ id, order: random() }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.id);
}

interface Requests {
  exportTimes: number[];
  detailTimes: number[];
  proofTimes: number[];
  packBytes: number[];
  /** A pack of a reviewed decision, for the split. */
  typical: Buffer;
  loads: number[];
}

/** For each decision: the detail reads, the inclusion proof, the export, one after the other. */
async function timeRequests(client: GraphQLClient, sample: string[], reviewed: Set<string>): Promise<Requests> {
  const out: Requests = { exportTimes: [], detailTimes: [], proofTimes: [], packBytes: [], typical: Buffer.alloc(0), loads: [] };
  const timed = async (op: () => Promise<void>) => {
    const started = process.hrtime.bigint();
    await op();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const detail = async (id: string) => {
    const page = await client.gql(DETAIL, { id });
    if (page.decision.id !== id || page.decision.explanation.length !== 3 || page.decision.auditEvents.length === 0)
      throw new Error(`the decision page of ${id} is incomplete: ${JSON.stringify(page).slice(0, 300)}`);
    if (reviewed.has(id) !== (page.decision.review !== null))
      throw new Error(`decision ${id}: review ${JSON.stringify(page.decision.review)}`);
  };
  const proof = async (id: string) => {
    const p = (await client.gql(PROOF, { id })).ledgerInclusionProof;
    if (p.hashes.length === 0) throw new Error(`no audit path for ${id}`);
  };
  let exported = Buffer.alloc(0);
  const pack = async (id: string) => {
    const file = (await client.gql(EXPORT, { id })).decisionEvidence;
    exported = Buffer.from(file.contentBase64, 'base64');
    if (exported.length !== file.byteSize) throw new Error(`pack of ${id}: ${exported.length} bytes, ${file.byteSize} announced`);
  };
  // Warm-up on the last decisions of the sample: every path compiled, every statement prepared.
  for (const id of sample.slice(-WARMUP)) {
    await detail(id);
    await proof(id);
  }
  for (const [i, id] of sample.entries()) {
    out.detailTimes.push(await timed(() => detail(id)));
    out.proofTimes.push(await timed(() => proof(id)));
    out.exportTimes.push(await timed(() => pack(id)));
    out.packBytes.push(exported.length);
    if (reviewed.has(id) && out.typical.length === 0) out.typical = exported;
    if (i % 50 === 0) out.loads.push(loadavg()[0]);
  }
  return out;
}

interface Split {
  pdf: Percentiles;
  proofs: Percentiles;
  openings: Percentiles;
  zip: Percentiles;
  facts: number;
  pdfBytes: number;
  packBytes: number;
}

/** The parts of the typical pack's export, in an application instance in this process, on the pack's own content. */
async function timeSplit(env: Record<string, string>, tenantId: string, packZip: Buffer): Promise<Split> {
  const files = unzipFiles(packZip);
  const read = <T>(path: string) => JSON.parse(files.get(path)!.toString('utf8')) as T;
  const manifest = read<PackManifest>('manifest.json');
  const facts = read<PackFact[]>('ledger/facts.json');
  const { chain: _chain, ...lineage } = read<{ chain: unknown } & SummaryInput['lineage']>('lineage.json');
  const { files: _files, ...described } = manifest;
  const input: SummaryInput = {
    manifest: described,
    decision: read('decision.json'),
    reviews: read('reviews.json'),
    policyPack: read('policy-pack.json'),
    lineage,
    auditEvents: read('audit-events.json'),
    facts,
    checkpoint: { treeSize: facts[0].proof.treeSize },
    keyId: read<{ keyId: string }>('ledger/key.json').keyId,
  };
  const rendered = await renderPdf(decisionSummary(input));
  // The split must time the very work of the export: the same document renders to the same bytes.
  if (!rendered.equals(files.get('summary.pdf')!))
    throw new Error("the summary rebuilt from the pack does not render to the pack's summary.pdf");

  const app = await createApp(loadConfig(env));
  await app.init();
  try {
    const proofs = app.get(LedgerFactProofs);
    const openings = app.get(LedgerOpenings);
    const db = app.get(TenantDb);
    const refs = facts.map((f) => ({ kind: f.kind, factId: f.factId }));
    const warm = async (op: () => Promise<void>) => {
      for (let i = 0; i < 5; i++) await op();
      return timeEachAsync(PARTS, op);
    };
    return {
      pdf: await warm(async () => {
        await renderPdf(decisionSummary(input));
      }),
      proofs: await warm(async () => {
        const proved = await proofs.prove(tenantId, refs);
        if (proved.facts.length < refs.length) throw new Error(`${refs.length - proved.facts.length} facts unproved`);
      }),
      openings: await warm(async () => {
        await db.transaction(tenantId, async (m) => {
          for (const kind of OPENABLE_KINDS) {
            const ids = facts.filter((f) => f.kind === kind).map((f) => f.factId);
            if (ids.length > 0) await openings.openingsOfEach(m, kind, ids);
          }
        });
      }),
      zip: await warm(async () => {
        zipFiles(files);
      }),
      facts: facts.length,
      pdfBytes: rendered.length,
      packBytes: packZip.length,
    };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  await withBenchApi(REPO_ROOT, async ({ api, adminKey, admin, pool, env }) => {
    const port = api.port!;
    const target = await prepareTarget(port, adminKey);
    const templateId = await recordTemplate(port, target);
    const fill = await fillDecisions(pool, templateId);
    process.stderr.write(
      `  filled ${fill.decisions} decisions (${fill.leaves} leaves) in ${fill.insertSeconds.toFixed(0)} s, sealed in ${fill.sealSeconds.toFixed(0)} s\n`,
    );
    const reviewer = await principalWithRole(admin, 'compliance_officer', 'bench-reviewer');
    const reviewed = await reviewPending(port, reviewer.key, pool);
    const sample = await sampleDecisions(pool, reviewed);
    const requests = await timeRequests(admin, sample, new Set(reviewed));
    const tenantId: string = (await pool.query('SELECT id FROM tenants')).rows[0].id;
    const split = await timeSplit(env, tenantId, requests.typical);
    print({ fill, requests, split, server: (await pool.query('SHOW server_version')).rows[0].server_version });
    process.stdout.write(`\nTotal bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s.\n`);
  });
}

interface Summary extends Percentiles {
  mean: number;
  perSecond: number;
}

function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  const at = (q: number) => sorted[Math.floor(sorted.length * q)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: total / sorted.length, perSecond: sorted.length / (total / 1000) };
}

function print(r: { fill: Fill; requests: Requests; split: Split; server: string }): void {
  const ms = (n: number) => n.toFixed(2);
  const { requests, split } = r;
  const exported = summarize(requests.exportTimes);
  const detail = summarize(requests.detailTimes);
  const proof = summarize(requests.proofTimes);
  const row = (name: string, s: Summary) =>
    `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.mean)} | ${s.perSecond.toFixed(1)} | ${(s.p50 / detail.p50).toFixed(2)}× | ${(s.p50 / proof.p50).toFixed(2)}× |`;
  const part = (name: string, p: Percentiles) =>
    `| ${name} | ${ms(p.p50)} | ${ms(p.p95)} | ${((p.p50 / exported.p50) * 100).toFixed(0)} % |`;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const sizes = [...requests.packBytes].sort((a, b) => a - b);
  process.stdout.write(
    [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${r.server} (${process.env.DATABASE_URL ? "DATABASE_URL's server" : 'embedded'}). ` +
        `One tenant with ${r.fill.decisions} decisions (${REVIEWED} reviewed through the API), ${r.fill.leaves} ledger leaves, ` +
        `inserted in ${r.fill.insertSeconds.toFixed(0)} s and sealed in ${r.fill.sealSeconds.toFixed(0)} s; the API in its own process. ` +
        `Load average (1 min) during the requests: ${Math.min(...requests.loads).toFixed(2)}–${Math.max(...requests.loads).toFixed(2)}.`,
      '',
      `${EXPORTS} decisions (${REVIEWED} reviewed), each one's three requests in turn, over GraphQL (sequential: per second = 1000 / mean):`,
      '',
      '| request | p50 ms | p95 ms | mean ms | per second | p50 vs detail | p50 vs inclusion proof |',
      '|---|---|---|---|---|---|---|',
      row('`decisionEvidence` (the pack, base64)', exported),
      row('decision page reads: `decision(id)` with trace, evaluation, review, audit events + `decisionLineage` (baseline)', detail),
      row('`ledgerInclusionProof(factId)` of the decision (baseline)', proof),
      '',
      `Packs: ${kb(sizes[0])}–${kb(sizes[sizes.length - 1])} KiB (median ${kb(sizes[Math.floor(sizes.length / 2)])} KiB). ` +
        `The split, in this process, on a reviewed decision's pack (${split.facts} facts, ${kb(split.packBytes)} KiB, summary.pdf ${kb(split.pdfBytes)} KiB; ${PARTS} each):`,
      '',
      '| part of the export | p50 ms | p95 ms | p50 vs export p50 |',
      '|---|---|---|---|',
      part('summary built and rendered to PDF (`decisionSummary` + `renderPdf`)', split.pdf),
      part(`inclusion proofs of the ${split.facts} facts against the latest checkpoint (\`LedgerFactProofs.prove\`)`, split.proofs),
      part('openings of the disclosed fields (`LedgerOpenings.openingsOfEach`, one statement per kind)', split.openings),
      part('zip of the files (`zipFiles`)', split.zip),
    ].join('\n') + '\n',
  );
}

runBench(main);

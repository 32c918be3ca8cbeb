/**
 * Lineage benchmark (issue 5): on a synthetic graph of realistic fan-out — few datasets, one
 * model trained on one of them, many decisions (BENCH_LINEAGE_DECISIONS, default 1,000,000; each
 * decision is two edges of the graph, so 2,000,000 edges) — in the same run:
 * - the cost of one indexed edge lookup (the decision's upstream edges in lineage_edges_all, raw pg): the baseline;
 * - a 5-hop upstream walk from a decision, `lineage(node: decision, direction: UPSTREAM, depth: 5)` over GraphQL;
 * - `decisionLineage` of a decision (its chain with each hop's evidence) over GraphQL;
 * - the downstream impact of the dataset feeding every decision, `impactOf` over GraphQL (3 hops, decisions counted).
 *   npm run build:bench && node dist/bench/lineage.bench.js      (also part of `npm run bench`)
 *   DATABASE_URL=postgres://…  a fresh database on that server, dropped afterwards; unset: embedded PostgreSQL
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { withBenchApi } from './support/bench-api';
import { decisionPayload } from './support/bench-target';
import { GraphQLClient } from './support/graphql-client';
import { sealBulkInsert } from './support/ledger-progress';
import { timeEachAsync, type Percentiles } from './support/timing';
import { runBench } from './support/run-bench';

const REPO_ROOT = resolve(__dirname, '../..');
const DECISIONS = Number(process.env.BENCH_LINEAGE_DECISIONS ?? 1_000_000);
const WALKS = 500;
const IMPACTS = 20;

interface Graph {
  datasetVersionId: string;
  modelVersionId: string;
  automationId: string;
  serviceKey: string;
}

/** A dataset version, a model version trained on it, an automation version using that, and a service bound to it. */
async function registerGraph(admin: GraphQLClient): Promise<Graph> {
  const datasetId = (await admin.gql('mutation { registerDataset(input: { name: "claims-history" }) { id } }')).registerDataset.id;
  const versions: string[] = [];
  for (const version of ['2024.1', '2024.2', '2025.1']) {
    versions.push(
      (
        await admin.gql('mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
          i: {
            datasetId,
            version,
            sourceUri: `s3://data/claims/${version}/`,
            digest: `sha256:${version.replace('.', '').padEnd(64, '0')}`,
            piiClasses: ['contact'],
            provenance: 'contract',
          },
        })
      ).registerDatasetVersion.id,
    );
  }
  const modelId = (await admin.gql('mutation { registerModel(input: { name: "claim-severity" }) { id } }')).registerModel.id;
  const modelVersionId = (
    await admin.gql('mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
      i: {
        modelId,
        version: '1.0.0',
        artifactUri: 's3://models/claim-severity/1.0.0',
        artifactDigest: `sha256:${'a'.repeat(64)}`,
        framework: 'xgboost',
        riskTier: 'LOW',
        trainingDatasetVersionIds: [versions[0]],
        evaluationDatasetVersionIds: [versions[1]],
      },
    })
  ).registerModelVersion.id;
  const automationId = (await admin.gql('mutation { registerAutomation(input: { key: "claims-triage", name: "Claims triage" }) { id } }'))
    .registerAutomation.id;
  await admin.gql('mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
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
  const principalId = (await admin.gql('mutation { createPrincipal(input: { kind: SERVICE, name: "claims-triage-svc" }) { id } }'))
    .createPrincipal.id;
  await admin.gql('mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }', { i: { principalId, role: 'SERVICE', automationId } });
  const serviceKey = (
    await admin.gql('mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }', { i: { principalId, name: 'bench' } })
  ).issueApiKey.secret;
  return { datasetVersionId: versions[0], modelVersionId, automationId, serviceKey };
}

/**
 * DECISIONS copies of one recorded decision, spread over a year and the three statuses, with
 * their ledger leaves (the ledger's insert trigger stays on, as in production); then the API's own
 * sequencer seals them, which is when impactOf's counts are kept. Returns both times in seconds.
 */
async function fillDecisions(pool: Pool, templateId: string): Promise<{ insert: number; seal: number }> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    for (let from = 1; from <= DECISIONS; from += 100_000) {
      await client.query(
        `INSERT INTO decisions (id, tenant_id, automation_id, automation_version_id, model_version_id, idempotency_key, request_hash, input_hash,
                                input, output, context, confidence, status, redactions, occurred_at, recorded_at, recorded_by)
         SELECT gen_random_uuid(), t.tenant_id, t.automation_id, t.automation_version_id, t.model_version_id, 'bench-' || g, t.request_hash, t.input_hash,
                t.input, t.output, t.context, t.confidence, (ARRAY['recorded', 'recorded', 'recorded', 'pending_review', 'blocked'])[1 + g % 5],
                t.redactions, t.occurred_at - (g % 365) * interval '1 day', t.recorded_at - (g % 365) * interval '1 day', t.recorded_by
           FROM decisions t, generate_series($2::int, $3::int) g WHERE t.id = $1`,
        [templateId, from, Math.min(DECISIONS, from + 99_999)],
      );
    }
    const inserted = Date.now();
    const seal = await sealBulkInsert(client, ['decisions', 'ledger_leaves']);
    return { insert: (inserted - started) / 1000, seal };
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  await withBenchApi(REPO_ROOT, async ({ api, admin, pool }) => {
    const graph = await registerGraph(admin);
    const service = new GraphQLClient(api.port!, graph.serviceKey, 1);
    const template = (
      await service.gql('mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id } } }', {
        i: { ...decisionPayload(graph.automationId, graph.modelVersionId), idempotencyKey: 'template' },
      })
    ).recordDecision.decision.id;
    service.close();
    const fill = await fillDecisions(pool, template);
    // 1% of the pages holds WALKS decisions from 200,000 up; a smaller table is sampled whole (else the walks ran out of ids).
    const percent = Math.min(100, Math.max(1, (400 * WALKS) / DECISIONS));
    const sample: string[] = (await pool.query(`SELECT id FROM decisions TABLESAMPLE SYSTEM (${percent}) LIMIT $1`, [WALKS])).rows.map(
      (r) => r.id,
    );
    if (sample.length === 0) throw new Error('no decision sampled');

    const lookup = await timeEachAsync(WALKS * 4, async (i) => {
      await pool.query(
        `SELECT kind, upstream_type, upstream_id FROM lineage_edges_all WHERE downstream_type = 'decision' AND downstream_id = $1`,
        [sample[i % sample.length]],
      );
    });
    const walk = await timeEachAsync(WALKS, async (i) => {
      const g = (
        await admin.gql(
          'query($id: ID!) { lineage(node: { type: DECISION, id: $id }, direction: UPSTREAM, depth: 5) { nodes { id } edges { kind } truncated } }',
          { id: sample[i % sample.length] },
        )
      ).lineage;
      if (g.nodes.length !== 5)
        throw new Error(
          `the upstream walk found ${g.nodes.length} nodes, not 5 (decision, automation and model versions, two dataset versions)`,
        );
    });
    const chain = await timeEachAsync(WALKS, async (i) => {
      await admin.gql(
        'query($id: ID!) { decisionLineage(decisionId: $id) { hops { node { id } evidence { ledgerIndex } } sources { id } } }',
        { id: sample[i % sample.length] },
      );
    });
    let total = 0;
    const impact = await timeEachAsync(IMPACTS, async () => {
      total = (
        await admin.gql(
          'query($id: ID!) { impactOf(datasetVersionId: $id) { modelVersions { id } decisions { total byStatus { key count } byMonth { key count } } } }',
          { id: graph.datasetVersionId },
        )
      ).impactOf.decisions.total;
    });
    if (total !== DECISIONS + 1) throw new Error(`impactOf counted ${total} decisions, not ${DECISIONS + 1}`);

    const version = (await pool.query('SHOW server_version')).rows[0].server_version;
    const row = (name: string, p: Percentiles) =>
      `| ${name} | ${p.p50.toFixed(2)} | ${p.p99.toFixed(2)} | ${(p.p50 / lookup.p50).toFixed(1)}× |`;
    process.stdout.write(
      [
        `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, PostgreSQL ${version} (${process.env.DATABASE_URL ? "DATABASE_URL's server" : 'embedded'}). ` +
          `${DECISIONS + 1} decisions of one model trained on one dataset version (${2 * (DECISIONS + 1) + 3} edges in lineage_edges_all), inserted with their ledger leaves in ${fill.insert.toFixed(0)} s and sealed by the API's sequencer in ${fill.seal.toFixed(0)} s; the API in its own process.`,
        '',
        '| query | p50 ms | p99 ms | p50 vs one edge lookup |',
        '|---|---|---|---|',
        row(`one indexed edge lookup: a decision's upstream edges (raw pg, ${WALKS * 4} lookups; baseline)`, lookup),
        row(`lineage(decision, UPSTREAM, depth 5) over GraphQL (${WALKS} random decisions)`, walk),
        row(`decisionLineage(decision) over GraphQL, evidence included (${WALKS})`, chain),
        row(`impactOf(the dataset behind all ${DECISIONS + 1} decisions) over GraphQL (${IMPACTS} calls)`, impact),
        '',
        `Targets (issue 5): upstream p99 < 20 ms — ${walk.p99 < 20 ? 'MET' : 'NOT MET'} (${walk.p99.toFixed(1)} ms); ` +
          `the impact count for a dataset feeding ${DECISIONS + 1} decisions < 500 ms — ${impact.p99 < 500 ? 'MET' : 'NOT MET'} (p99 ${impact.p99.toFixed(0)} ms).`,
        '',
        `Total bench time: ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
      ].join('\n') + '\n',
    );
  });
}

runBench(main);

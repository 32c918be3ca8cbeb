import type { Pool } from 'pg';
import type { Target } from './bench-target';
import { GraphQLClient } from './graphql-client';

const INGEST_BATCH = 10_000;

export interface IngestRun {
  decisions: number;
  seconds: number;
}

/**
 * ingestDecisions 10,000 at a time, then waits until every chunk is done: from the first submit to
 * the last chunk's commit (polled in the database, every 10 ms).
 */
export async function ingestDecisions(port: number, target: Target, pool: Pool, decisions: Record<string, unknown>[]): Promise<IngestRun> {
  const client = new GraphQLClient(port, target.serviceKey, 1);
  const query = 'mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id } }';
  const started = process.hrtime.bigint();
  const jobIds: string[] = [];
  for (let i = 0; i < decisions.length; i += INGEST_BATCH) {
    jobIds.push((await client.gql(query, { i: { decisions: decisions.slice(i, i + INGEST_BATCH) } })).ingestDecisions.id);
  }
  client.close();
  for (;;) {
    const { rows } = await pool.query<{ pending: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, coalesce(sum(failed), 0)::int AS failed
         FROM decision_ingest_chunks WHERE job_id = ANY($1)`,
      [jobIds],
    );
    if (rows[0].failed > 0) throw new Error(`The ingest refused ${rows[0].failed} items`);
    if (rows[0].pending === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { decisions: decisions.length, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

import { ATTEST_CONFIG, LedgerFactKeys, TenantDb } from '@attest/core';
import { SequencerRunner } from '@attest/ledger';
import { Client } from 'pg';
import type { TestApp } from './test-app';

/**
 * Seals every pending leaf now, as the sequencer's next runs would (with Redis the API runs no
 * sequencer; on the embedded default its own may be sealing at the same time, which is fine).
 */
export async function sealAll(t: TestApp): Promise<void> {
  const runner = t.app.get(SequencerRunner);
  const db = t.app.get(TenantDb);
  for (let round = 0; round < 200; round++) {
    await runner.runOnce();
    const pending = await db.unscoped('SELECT tenant_id FROM attest_ledger_pending_tenants()');
    if (pending.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('sealAll: leaves still pending after 200 rounds');
}

/**
 * Runs `work` while a tenant's sequencing lock (the one each sequencer batch tries first) is held
 * here, as by another sequencer: no sequencer seals that tenant's leaves meanwhile, the in-process
 * one of the embedded default included. The lock goes with the session.
 */
export async function whileSequencingLocked<T>(databaseUrl: string, tenantSlug: string, work: () => Promise<T>): Promise<T> {
  const holder = new Client({ connectionString: databaseUrl });
  await holder.connect();
  try {
    const { rowCount } = await holder.query(
      `SELECT pg_advisory_lock(hashtextextended('attest.ledger/' || id, 0)) FROM tenants WHERE slug = $1`,
      [tenantSlug],
    );
    if (rowCount !== 1) throw new Error(`whileSequencingLocked: no tenant ${tenantSlug}`);
    return await work();
  } finally {
    await holder.end();
  }
}

export const CHECKPOINT_FIELDS = 'origin treeSize rootHash timestamp note';

/**
 * Runs `work` in a transaction of the test's superuser that holds the tenant's ledger fact key, as
 * every transaction of the application does (TenantDb): facts written here are keyed like its own.
 */
export async function withFactKey<T>(t: TestApp, tenantId: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('attest.ledger_fact_key', $1, true)`, [
      new LedgerFactKeys(t.app.get(ATTEST_CONFIG)).padsFor(tenantId),
    ]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

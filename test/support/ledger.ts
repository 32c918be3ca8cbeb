import { TenantDb } from '@attest/core';
import { SequencerRunner } from '@attest/ledger';
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

export const CHECKPOINT_FIELDS = 'origin treeSize rootHash timestamp note';

import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { AttestConfig } from '../config/attest-config';
import { ATTEST_CONFIG } from '../config/config.tokens';
import { LedgerFactKeys } from './ledger-fact-key';
import { prepared, runPrepared, runPreparedUnscoped, type PreparedStatement } from './prepared-statement';

const SET_TENANT = prepared(
  'set_tenant',
  `SELECT set_config('attest.tenant_id', $1, true), set_config('attest.ledger_fact_key', $2, true)`,
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const START = 'START TRANSACTION';

/**
 * The one way to reach tenant data: a transaction in which `attest.tenant_id` is set, so that
 * PostgreSQL's row-level security confines every statement to that tenant. The tenant's ledger fact
 * key is set with it: every write of a fact (a trigger) and every recomputation of one (verify,
 * export) happens in such a transaction, so no path can forget it.
 */
@Injectable()
export class TenantDb {
  private readonly factKeys: LedgerFactKeys;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(ATTEST_CONFIG) config?: AttestConfig,
  ) {
    this.factKeys = new LedgerFactKeys(config);
  }

  /** As DataSource.transaction (commit, or roll back and rethrow), with the tenant set from its first round trip. */
  async transaction<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // Checked, because it becomes a literal below: a tenant id always comes from the database as a uuid.
    if (!UUID.test(tenantId)) throw new Error(`TenantDb.transaction: "${tenantId}" is not a tenant id`);
    const runner = this.dataSource.createQueryRunner();
    try {
      await startFor(runner, tenantId, this.factKeys.padsFor(tenantId) ?? '');
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Calls one of the SECURITY DEFINER functions that work before a tenant is known. */
  unscoped<T extends object>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters);
  }

  /** The same for a statement on every request's path (authentication), planned once per connection. */
  unscopedPrepared<T extends object>(statement: PreparedStatement, parameters: unknown[] = []): Promise<T[]> {
    return runPreparedUnscoped<T>(this.dataSource, statement, parameters);
  }
}

/**
 * TypeORM's startTransaction, with the tenant set in the same round trip: its START TRANSACTION is
 * sent together with the setting (one simple-protocol string; every request pays a round trip per
 * statement). Should TypeORM ever open the transaction otherwise, the setting is sent on its own.
 */
async function startFor(runner: QueryRunner, tenantId: string, factKey: string): Promise<void> {
  const query = runner.query.bind(runner);
  let set = false;
  runner.query = ((sql: string, ...rest: unknown[]) => {
    if (sql !== START || set) return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    set = true;
    // Both literals are safe: a checked uuid, and hex digits (or nothing).
    return query(
      `${START}; SELECT set_config('attest.tenant_id', '${tenantId}', true), set_config('attest.ledger_fact_key', '${factKey}', true)`,
    );
  }) as QueryRunner['query'];
  try {
    await runner.startTransaction();
  } finally {
    runner.query = query;
  }
  if (!set) await runPrepared(runner.manager, SET_TENANT, [tenantId, factKey]);
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { prepared, runPrepared, runPreparedUnscoped, type PreparedStatement } from './prepared-statement';

const SET_TENANT = prepared('set_tenant', `SELECT set_config('attest.tenant_id', $1, true)`);

/**
 * The one way to reach tenant data: a transaction in which `attest.tenant_id` is set, so that
 * PostgreSQL's row-level security confines every statement to that tenant.
 */
@Injectable()
export class TenantDb {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await runPrepared(manager, SET_TENANT, [tenantId]);
      return work(manager);
    });
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

import type { Logger as TypeOrmLogger } from 'typeorm';
import { Logger } from '@nestjs/common';
import { currentCorrelationId } from '../context/correlation-id.middleware';

/**
 * Counts the SQL statements TypeORM sends: tests use it to prove nested queries have no N+1.
 * A test counts one request's statements by its correlation id (`statementsOf`), so that work
 * the process does meanwhile (the in-process ledger sequencer on the embedded default) is not
 * counted with it.
 */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  /** Only the correlation ids a caller is watching: nothing grows while nobody counts. */
  private readonly watched = new Map<string, number>();
  private readonly logger = new Logger('SQL');

  constructor(private readonly echo = false) {}

  /** Every statement of the process since it started. */
  get total(): number {
    return this.count;
  }

  /** Runs `work` (which sends requests with this correlation id) and counts the statements they sent. */
  async statementsOf<T>(correlationId: string, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    if (this.watched.has(correlationId)) throw new Error(`correlation id ${correlationId} is already being counted`);
    this.watched.set(correlationId, 0);
    try {
      const result = await work();
      return { result, statements: this.watched.get(correlationId)! };
    } finally {
      this.watched.delete(correlationId);
    }
  }

  logQuery(query: string): void {
    this.count += 1;
    const id = this.watched.size > 0 ? currentCorrelationId() : undefined;
    if (id !== undefined && this.watched.has(id)) this.watched.set(id, this.watched.get(id)! + 1);
    if (this.echo) this.logger.debug(withoutSecrets(query));
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.echo) this.logger.debug(`${String(error)} in ${withoutSecrets(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${withoutSecrets(query).slice(0, 200)}`);
  }

  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The tenant's ledger fact key travels as a literal with the tenant (tenant-db.service.ts): never echoed. */
export function withoutSecrets(query: string): string {
  return query.replace(/('attest\.ledger_fact_key', ')[0-9a-f]+'/g, "$1[secret]'");
}

import type { Logger as TypeOrmLogger } from 'typeorm';
import { Logger } from '@nestjs/common';

/** Counts the SQL statements TypeORM sends: tests use it to prove nested queries have no N+1. */
export class QueryCounter implements TypeOrmLogger {
  private count = 0;
  private readonly logger = new Logger('SQL');

  constructor(private readonly echo = false) {}

  get total(): number {
    return this.count;
  }

  logQuery(query: string): void {
    this.count += 1;
    if (this.echo) this.logger.debug(query);
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.echo) this.logger.debug(`${String(error)} in ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

import type { PoolClient } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/**
 * A statement on the hot path (every request, every decision), sent as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of on every call, which for the
 * decision's joins and CTEs costs more than running them. The text must never vary for one name.
 */
export interface PreparedStatement {
  name: string;
  text: string;
}

/** Every statement made in this process, by name: test/prepared-statements.e2e-spec.ts prepares each against the migrated schema. */
const made = new Map<string, PreparedStatement>();

export function prepared(name: string, text: string): PreparedStatement {
  const statement = { name: `attest_${name}`, text };
  // node-pg would refuse the second text on a connection that prepared the first: fail where it is made.
  if (made.has(statement.name) && made.get(statement.name)!.text !== text)
    throw new Error(`Prepared statement ${statement.name} made with a second text`);
  made.set(statement.name, statement);
  return statement;
}

/** The statements made so far: module constants once their module is loaded, the others once built. */
export function preparedStatements(): PreparedStatement[] {
  return [...made.values()];
}

/** Runs it on the connection of the caller's transaction (its manager), or of a runner. */
export async function runPrepared<T>(m: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  if (!m.queryRunner) throw new Error(`runPrepared(${statement.name}) needs a manager bound to a transaction`);
  return send<T>(m.queryRunner, statement, values);
}

/** Outside any tenant (SECURITY DEFINER functions): a pooled connection for one statement. */
export async function runPreparedUnscoped<T>(dataSource: DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    return await send<T>(runner, statement, values);
  } finally {
    await runner.release();
  }
}

async function send<T>(runner: QueryRunner, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  // Logged like every other statement (ATTEST_LOG_LEVEL=debug echoes it; tests count statements).
  runner.connection.logger.logQuery(statement.text, values, runner);
  const client = (await runner.connect()) as PoolClient;
  try {
    return (await client.query({ name: statement.name, text: statement.text, values })).rows as T[];
  } catch (error) {
    // As TypeORM would wrap it: formatGraphQLError maps SQL states of QueryFailedError.
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}

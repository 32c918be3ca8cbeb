import type { QueryRunner } from 'typeorm';

/**
 * Views a context publishes for others (the context map, docs/architecture.md): each `CREATE VIEW`
 * statement run, and the view granted to the application role; dropped in reverse order.
 */
export async function publishViews(db: QueryRunner, statements: readonly string[]): Promise<void> {
  for (const statement of statements) {
    await db.query(statement);
    await db.query(`GRANT SELECT ON ${viewOf(statement)} TO attest_app`);
  }
}

export async function dropPublishedViews(db: QueryRunner, statements: readonly string[]): Promise<void> {
  for (const statement of [...statements].reverse()) await db.query(`DROP VIEW ${viewOf(statement)}`);
}

/** The view a `CREATE VIEW` statement creates. */
function viewOf(statement: string): string {
  const name = /CREATE VIEW (\w+)/.exec(statement)?.[1];
  if (!name) throw new Error(`not a CREATE VIEW statement: ${statement.slice(0, 60)}`);
  return name;
}

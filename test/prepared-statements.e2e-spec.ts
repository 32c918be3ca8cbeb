import { preparedStatements, type PreparedStatement } from '@attest/core';
import { startTestApp, type TestApp } from './support/test-app';
import { withClient } from './support/test-database';

/**
 * Every named prepared statement (libs/core/src/database/prepared-statement.ts) is parsed and planned
 * against a database migrated with the real migrations: a renamed column or view fails here, in CI,
 * rather than on the first request that sends the statement.
 */
async function prepareEach(url: string, statements: readonly PreparedStatement[]): Promise<string[]> {
  return withClient(url, async (client) => {
    const failures: string[] = [];
    for (const { name, text } of statements) {
      try {
        await client.query(`PREPARE ${name} AS ${text}`);
        await client.query(`DEALLOCATE ${name}`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    return failures;
  });
}

describe('named prepared statements against the migrated schema', () => {
  let t: TestApp;
  // The app loads every lib (their statements are module constants) and makes the decision's
  // target statements as the recorder is built.
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('knows the statements of the request path', () => {
    const names = preparedStatements().map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'attest_set_tenant',
        'attest_find_api_key',
        'attest_principal_grants',
        'attest_active_pack_digest',
        'attest_redaction_rules_of',
        'attest_insert_decisions',
        'attest_decision_target_by_id_decision',
        'attest_decision_target_by_key_decision',
      ]),
    );
  });

  it('prepares every one of them', async () => {
    expect(await prepareEach(t.databaseUrl, preparedStatements())).toEqual([]);
  });

  it('fails a statement that names a column the schema does not have (fixture)', async () => {
    const broken = { name: 'attest_fixture_renamed_column', text: 'SELECT automation_key FROM decisions WHERE id = $1' };
    const failures = await prepareEach(t.databaseUrl, [broken]);
    expect(failures).toEqual([expect.stringContaining('attest_fixture_renamed_column: column "automation_key" does not exist')]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { generateApiSchemaSdl, printSortedSchema } from '../apps/api/src/api-schema';
import { REPO_ROOT, startTestApp, type TestApp } from './support/test-app';

const SCHEMA_FILE = join(REPO_ROOT, 'schema.graphql');

describe('GraphQL schema (schema.graphql)', () => {
  let generated: string;
  beforeAll(async () => (generated = await generateApiSchemaSdl()));

  it('matches the committed schema.graphql', () => {
    if (!existsSync(SCHEMA_FILE)) throw new Error('schema.graphql is missing: run "npm run schema" and commit the file.');
    assertSameSchema(
      readFileSync(SCHEMA_FILE, 'utf8'),
      generated,
      'schema.graphql is out of date: run "npm run schema" and commit the file.',
    );
  });

  describe('served by the running API', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t?.close());

    it('is the schema that `attest schema` prints, without a database', () => {
      const served = printSortedSchema(t.app.get(GraphQLSchemaHost).schema);
      assertSameSchema(
        generated,
        served,
        'The served schema differs from the generated one: a module imported by AppModule has resolvers missing ' +
          "from API_RESOLVERS (apps/api/src/api-schema.ts) or from its lib's *_RESOLVERS export.",
      );
    });
  });
});

/** Fails with the hint and the first differing line rather than two 400-line strings. */
function assertSameSchema(actual: string, expected: string, hint: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line < 0 ? a.length : line;
  throw new Error(`${hint}\nFirst difference at line ${at + 1}:\n  found:    ${a[at] ?? '<end>'}\n  expected: ${e[at] ?? '<end>'}`);
}

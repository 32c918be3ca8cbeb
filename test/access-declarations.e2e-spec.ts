import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_POLICY, declaredOperations, renderAccessMatrix, type AccessPolicy } from '@attest/identity';
import { REPO_ROOT, startTestApp, type TestApp } from './support/test-app';

const MATRIX_FILE = join(REPO_ROOT, 'docs/access-matrix.md');
const MATRIX_INTRO = `# Who can reach which operation

Generated from \`policies/access/*.yaml\` and the \`@Can\` declarations of every resolver by
\`UPDATE_ACCESS_MATRIX=1 npx jest test/access-declarations\`; a test fails when it is out of date,
so a pull request that widens a role shows its effect here. "yes" means a principal holding only
that role passes the operation's ability check; row-level conditions (ownership, bound
automations, tenant) are then applied by the service and by PostgreSQL row-level security.

`;

describe('access declarations', () => {
  let t: TestApp;
  let resolvers: Function[];
  beforeAll(async () => {
    t = await startTestApp();
    resolvers = [...t.app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.providers.values()].flatMap((wrapper) =>
        wrapper.metatype && typeof wrapper.metatype === 'function' && wrapper.metatype.name.endsWith('Resolver') ? [wrapper.metatype as Function] : [],
      ),
    );
  });
  afterAll(() => t?.close());

  it('finds every GraphQL operation and field resolver with a declared ability', () => {
    const operations = declaredOperations(resolvers);
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter((op) => !op.isPublic && !op.requirement).map((op) => op.operation);
    expect(undeclared).toEqual([]);
  });

  it('covers every query and mutation of the served schema', () => {
    const declared = new Set(declaredOperations(resolvers).map((op) => op.operation));
    return t.gql(t.adminKey, '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }').then((res) => {
      const schema = res.data!.__schema;
      const served = [
        ...schema.queryType.fields.map((f: { name: string }) => `query ${f.name}`),
        ...schema.mutationType.fields.map((f: { name: string }) => `mutation ${f.name}`),
      ];
      expect(served.filter((op) => !declared.has(op))).toEqual([]);
    });
  });

  it('matches the committed role × operation matrix (docs/access-matrix.md)', () => {
    const policy = t.app.get<AccessPolicy>(ACCESS_POLICY);
    const rendered = MATRIX_INTRO + renderAccessMatrix(policy, declaredOperations(resolvers)) + '\n';
    if (process.env.UPDATE_ACCESS_MATRIX === '1') writeFileSync(MATRIX_FILE, rendered);
    const committed = readFileSync(MATRIX_FILE, 'utf8');
    if (committed !== rendered) {
      throw new Error('docs/access-matrix.md is out of date: run UPDATE_ACCESS_MATRIX=1 npx jest test/access-declarations and review the diff');
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_POLICY, AccessMatrixService, renderAccessMatrix, type AccessPolicy, type DeclaredOperation } from '@attest/identity';
import { REPO_ROOT, startTestApp, type TestApp } from './support/test-app';

const SECURITY_DOC = join(REPO_ROOT, 'docs/security.md');
const START = '<!-- access-matrix:start -->';
const END = '<!-- access-matrix:end -->';

/** docs/security.md with its generated section replaced by `table`. */
function withMatrix(doc: string, table: string): string {
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`docs/security.md lacks the ${START} … ${END} markers`);
  return `${doc.slice(0, from + START.length)}\n${table}\n${doc.slice(to)}`;
}

describe('access declarations', () => {
  let t: TestApp;
  let operations: DeclaredOperation[];
  beforeAll(async () => {
    t = await startTestApp();
    // The catalogue the accessMatrix query serves: every resolver the application registered.
    operations = t.app.get(AccessMatrixService).operations();
  });
  afterAll(() => t?.close());

  it('finds every GraphQL operation and field resolver with a declared ability', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter((op) => !op.isPublic && !op.requirement).map((op) => op.operation);
    expect(undeclared).toEqual([]);
  });

  it('covers every query and mutation of the served schema', () => {
    const declared = new Set(operations.map((op) => op.operation));
    return t.gql(t.adminKey, '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }').then((res) => {
      const schema = res.data!.__schema;
      const served = [
        ...schema.queryType.fields.map((f: { name: string }) => `query ${f.name}`),
        ...schema.mutationType.fields.map((f: { name: string }) => `mutation ${f.name}`),
      ];
      expect(served.filter((op) => !declared.has(op))).toEqual([]);
    });
  });

  it('matches the role × operation matrix committed in docs/security.md', () => {
    const policy = t.app.get<AccessPolicy>(ACCESS_POLICY);
    const committed = readFileSync(SECURITY_DOC, 'utf8');
    const rendered = withMatrix(committed, renderAccessMatrix(policy, operations));
    if (process.env.UPDATE_ACCESS_MATRIX === '1') writeFileSync(SECURITY_DOC, rendered);
    else if (committed !== rendered) {
      throw new Error(
        'The access matrix in docs/security.md is out of date: run UPDATE_ACCESS_MATRIX=1 npx jest test/access-declarations and review the diff',
      );
    }
  });
});

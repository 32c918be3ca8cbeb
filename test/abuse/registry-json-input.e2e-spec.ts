import { ok, startTestApp, type TestApp } from '../support/test-app';

const REGISTER = `mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }`;
const READ = `query($id: ID!) { datasetVersion(id: $id) { schema } }`;

describe("abuse: a dataset version's schema (free-form JSON) is stored as sent", () => {
  let t: TestApp;
  let datasetId: string;
  const version = (n: number, schema: unknown) => ({
    datasetId,
    version: String(n),
    sourceUri: 's3://lake/claims/',
    digest: `sha256:${'c'.repeat(64)}`,
    piiClasses: ['none'],
    schema,
  });

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: '' });
    datasetId = ok(await t.gql(t.adminKey, 'mutation { registerDataset(input: { name: "abuse-schema" }) { id } }')).registerDataset.id;
  });
  afterAll(() => t?.close());

  it('keeps keys named after Object.prototype members, at the top and nested', async () => {
    const schema = {
      type: 'object',
      constructor: 'c',
      properties: { toString: { type: 'string' }, valueOf: { prototype: 1, hasOwnProperty: true } },
    };
    const { id } = ok(await t.gql(t.adminKey, REGISTER, { i: version(1, schema) })).registerDatasetVersion;
    expect(ok(await t.gql(t.adminKey, READ, { id })).datasetVersion.schema).toEqual(schema);
  });

  it('refuses a NUL character, deep nesting and a __proto__ key with VALIDATION_FAILED and the path', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 2_500; i++) deep = { d: deep };
    const cases: [unknown, string][] = [
      [{ columns: ['a\u0000'] }, 'schema.columns[0]'],
      [deep, 'schema'],
      [JSON.parse('{"properties":{"__proto__":{}}}'), 'schema.properties.__proto__'],
    ];
    for (const [[schema, field], n] of cases.map((c, i) => [c, i + 2] as const)) {
      const res = await t.gql(t.adminKey, REGISTER, { i: version(n, schema) });
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});

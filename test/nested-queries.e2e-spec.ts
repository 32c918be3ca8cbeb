import { statementsOfRequest } from './support/statements';
import { ok, startTestApp, type TestApp } from './support/test-app';

/** A nested query over N models; with DataLoaders its SQL count must not grow with N. */
const NESTED = `query($first: Int!) {
  models(first: $first) { edges { node {
    id name owner { id name roles { role } }
    versions { id status model { id } transitions { to } trainingDatasets { id digest } evaluationDatasets { id } }
  } } }
}`;

describe('nested queries (no N+1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const dataset = ok(await t.gql(t.adminKey, 'mutation { registerDataset(input: { name: "claims" }) { id } }')).registerDataset;
    const dv = ok(
      await t.gql(
        t.adminKey,
        `mutation { registerDatasetVersion(input: { datasetId: "${dataset.id}", version: "1",
      sourceUri: "s3://d/claims", digest: "sha256:${'d'.repeat(64)}", piiClasses: ["financial"] }) { id } }`,
      ),
    ).registerDatasetVersion;
    for (let i = 0; i < 50; i++) {
      const model = ok(await t.gql(t.adminKey, `mutation { registerModel(input: { name: "m${i}" }) { id } }`)).registerModel;
      for (const version of ['1.0.0', '2.0.0']) {
        const v = ok(
          await t.gql(
            t.adminKey,
            `mutation { registerModelVersion(input: { modelId: "${model.id}", version: "${version}",
          artifactUri: "s3://m/${i}", artifactDigest: "sha256:${'c'.repeat(64)}", framework: "onnx", riskTier: MEDIUM,
          trainingDatasetVersionIds: ["${dv.id}"], evaluationDatasetVersionIds: ["${dv.id}"] }) { id } }`,
          ),
        );
        ok(
          await t.gql(
            t.adminKey,
            `mutation { transitionModelVersion(id: "${v.registerModelVersion.id}", to: IN_REVIEW, rationale: "ready") { id } }`,
          ),
        );
      }
    }
  });
  afterAll(() => t?.close());

  async function statementsFor(first: number): Promise<{ statements: number; models: number }> {
    const { response, statements } = await statementsOfRequest(t, t.adminKey, NESTED, { first });
    return { statements, models: ok(response).models.edges.length };
  }

  it('loads 50 models with owners, roles, versions, transitions and datasets in a constant number of statements', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    process.stdout.write(`nested query: ${large.statements} SQL statements for 50 models\n`);
    expect(small.models).toBe(5);
    expect(large.models).toBe(50);
    const sample = ok(await t.gql(t.adminKey, NESTED, { first: 1 })).models.edges[0].node;
    expect(sample.versions[0].trainingDatasets).toHaveLength(1);
    expect(sample.owner.roles[0].role).toBe('ADMIN');
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeGreaterThan(0);
    expect(large.statements).toBeLessThan(60);
  });
});

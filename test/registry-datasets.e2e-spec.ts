import { randomBytes, randomUUID } from 'node:crypto';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { statementsOfRequest } from './support/statements';

const DATASET_FIELDS = 'id name description ownerId owner { id name } versions { id version }';
const VERSION_FIELDS = 'id datasetId version sourceUri digest schema piiClasses provenance licence createdBy dataset { id name }';
const digest = () => `sha256:${randomBytes(32).toString('hex')}`;

describe('registry: datasets and their versions', () => {
  let t: TestApp;
  let owner: { id: string; key: string };
  let otherOwner: { id: string; key: string };
  let auditor: { id: string; key: string };
  let service: { id: string; key: string };

  beforeAll(async () => {
    t = await startTestApp();
    owner = await principalWithRole(t, 'model_owner', { name: 'olivia' });
    otherOwner = await principalWithRole(t, 'model_owner');
    auditor = await principalWithRole(t, 'auditor');
    const automation = ok(await t.gql(t.adminKey, 'mutation { registerAutomation(input: { key: "ds-bot", name: "ds bot" }) { id } }'));
    service = await principalWithRole(t, 'service', { automationId: automation.registerAutomation.id });
  });
  afterAll(() => t?.close());

  const registerDataset = (key: string, input: Record<string, unknown>) =>
    t.gql(key, `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { ${DATASET_FIELDS} } }`, { i: input });
  const registerVersion = (key: string, input: Record<string, unknown>) =>
    t.gql(key, `mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { ${VERSION_FIELDS} } }`, { i: input });
  const versionInput = (datasetId: string, overrides: Record<string, unknown> = {}) => ({
    datasetId,
    version: '2025-06',
    sourceUri: 's3://lake/claims/2025-06/',
    digest: digest(),
    piiClasses: ['contact'],
    ...overrides,
  });
  const newDataset = async (name: string, key = owner.key) => ok(await registerDataset(key, { name })).registerDataset.id as string;
  const auditActions = async (subjectId: string) =>
    ok(
      await t.gql(t.adminKey, 'query($s: String!) { auditEvents(filter: { subjectId: $s }) { edges { node { action actorId after } } } }', {
        s: subjectId,
      }),
    ).auditEvents.edges.map((e: { node: unknown }) => e.node);
  const countEvents = async (action: string) =>
    ok(await t.gql(t.adminKey, `{ auditEvents(first: 100, filter: { action: "${action}" }) { edges { cursor } } }`)).auditEvents.edges
      .length as number;

  describe('registerDataset', () => {
    it('registers a dataset owned by the caller and audits it', async () => {
      const res = ok(await registerDataset(owner.key, { name: 'claims-2025', description: 'Claims filed in 2025' }));
      expect(res.registerDataset).toMatchObject({
        name: 'claims-2025',
        description: 'Claims filed in 2025',
        ownerId: owner.id,
        owner: { id: owner.id, name: 'olivia' },
        versions: [],
      });
      expect(await auditActions(res.registerDataset.id)).toEqual([
        expect.objectContaining({
          action: 'dataset.registered',
          actorId: owner.id,
          after: expect.objectContaining({ name: 'claims-2025' }),
        }),
      ]);
    });

    it('lets a model owner register a dataset for another owner', async () => {
      const res = ok(await registerDataset(owner.key, { name: 'for-other', ownerId: otherOwner.id }));
      expect(res.registerDataset.ownerId).toBe(otherOwner.id);
    });

    it('refuses roles that may not create datasets with FORBIDDEN', async () => {
      const automationOwner = await principalWithRole(t, 'automation_owner');
      for (const key of [auditor.key, automationOwner.key, service.key]) {
        expect(errorCode(await registerDataset(key, { name: 'nope' }))).toBe('FORBIDDEN');
      }
    });

    it('validates the name and the owner with VALIDATION_FAILED', async () => {
      expect(errorCode(await registerDataset(owner.key, { name: ' padded ' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await registerDataset(owner.key, { name: '' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await registerDataset(owner.key, { name: 'x', ownerId: 'not-a-uuid' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await registerDataset(owner.key, { name: 'ghost-owned', ownerId: randomUUID() }))).toBe('VALIDATION_FAILED');
    });

    it('answers CONFLICT for a duplicate name and leaves nothing behind', async () => {
      await newDataset('twin-data');
      const before = await countEvents('dataset.registered');
      expect(errorCode(await registerDataset(otherOwner.key, { name: 'twin-data' }))).toBe('CONFLICT');
      expect(errorCode(await registerDataset(owner.key, { name: 'ghost-owned', ownerId: randomUUID() }))).toBe('VALIDATION_FAILED');
      expect(await countEvents('dataset.registered')).toBe(before);
      const found = ok(await t.gql(auditor.key, '{ datasets(filter: { search: "twin-data" }) { edges { node { id } } } }'));
      expect(found.datasets.edges).toHaveLength(1);
      const ghosts = ok(await t.gql(auditor.key, '{ datasets(filter: { search: "ghost-owned" }) { edges { node { id } } } }'));
      expect(ghosts.datasets.edges).toHaveLength(0);
    });
  });

  describe('registerDatasetVersion', () => {
    let datasetId: string;
    beforeAll(async () => (datasetId = await newDataset('customers')));

    it('registers a snapshot with its schema, PII classes and provenance, and audits it', async () => {
      const input = versionInput(datasetId, {
        version: '1',
        schema: { type: 'object', properties: { email: { type: 'string' } } },
        piiClasses: ['contact', 'financial'],
        provenance: 'CRM export, deduplicated',
        licence: 'proprietary',
      });
      const v = ok(await registerVersion(owner.key, input)).registerDatasetVersion;
      expect(v).toMatchObject({ ...input, createdBy: owner.id, dataset: { id: datasetId, name: 'customers' } });
      expect(await auditActions(v.id)).toEqual([
        expect.objectContaining({
          action: 'dataset_version.registered',
          after: expect.objectContaining({ digest: input.digest, piiClasses: ['contact', 'financial'] }),
        }),
      ]);
    });

    it('accepts "none" on its own', async () => {
      const v = ok(await registerVersion(owner.key, versionInput(datasetId, { version: 'anon', piiClasses: ['none'] })));
      expect(v.registerDatasetVersion.piiClasses).toEqual(['none']);
    });

    it('refuses a model owner who does not own the dataset, and read-only roles, with FORBIDDEN', async () => {
      expect(errorCode(await registerVersion(otherOwner.key, versionInput(datasetId, { version: 'theirs' })))).toBe('FORBIDDEN');
      expect(errorCode(await registerVersion(auditor.key, versionInput(datasetId, { version: 'audit' })))).toBe('FORBIDDEN');
      expect(ok(await registerVersion(t.adminKey, versionInput(datasetId, { version: 'by-admin' }))).registerDatasetVersion.version).toBe(
        'by-admin',
      );
    });

    it.each([
      ['a digest that is not <algorithm>:<hex>', { digest: 'md5-abc' }],
      ['an unknown PII class', { piiClasses: ['contact', 'genome'] }],
      ['no PII class at all', { piiClasses: [] }],
      ['"none" with another class', { piiClasses: ['none', 'health'] }],
      ['a repeated PII class', { piiClasses: ['health', 'health'] }],
      ['a source that is not a URI', { sourceUri: 'just some text' }],
      ['a version with spaces', { version: 'v 1' }],
      ['a schema that is not an object', { schema: 'columns: a, b' }],
      ['a dataset id that is not a uuid', { datasetId: 'customers' }],
    ])('rejects %s with VALIDATION_FAILED', async (_, overrides) => {
      const res = await registerVersion(owner.key, versionInput(datasetId, { version: 'bad', ...overrides }));
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    });

    it('answers NOT_FOUND for an unknown dataset', async () => {
      expect(errorCode(await registerVersion(owner.key, versionInput(randomUUID())))).toBe('NOT_FOUND');
    });

    it('answers CONFLICT for a duplicate version of the same dataset, leaving nothing behind', async () => {
      const other = await newDataset('suppliers');
      ok(await registerVersion(owner.key, versionInput(other, { version: '7' })));
      ok(await registerVersion(owner.key, versionInput(datasetId, { version: '7' })));
      const before = await countEvents('dataset_version.registered');
      expect(errorCode(await registerVersion(owner.key, versionInput(other, { version: '7' })))).toBe('CONFLICT');
      expect(errorCode(await registerVersion(owner.key, versionInput(other, { version: '8', piiClasses: ['none', 'contact'] })))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await countEvents('dataset_version.registered')).toBe(before);
      const versions = ok(await t.gql(auditor.key, `{ dataset(id: "${other}") { versions { version } } }`)).dataset.versions;
      expect(versions).toEqual([{ version: '7' }]);
    });
  });

  describe('dataset and datasetVersion', () => {
    let datasetId: string;
    let versionIds: string[];
    let modelVersionId: string;
    beforeAll(async () => {
      datasetId = await newDataset('lineage-data');
      versionIds = [];
      for (const version of ['a', 'b', 'c'])
        versionIds.push(ok(await registerVersion(owner.key, versionInput(datasetId, { version }))).registerDatasetVersion.id);
      const model = ok(await t.gql(owner.key, 'mutation { registerModel(input: { name: "lineage-model" }) { id } }')).registerModel;
      const mv = ok(
        await t.gql(
          owner.key,
          `mutation($t: [ID!], $e: [ID!]) { registerModelVersion(input: { modelId: "${model.id}", version: "1.0.0",
        artifactUri: "s3://m/lineage", artifactDigest: "${digest()}", framework: "sklearn", riskTier: LOW,
        trainingDatasetVersionIds: $t, evaluationDatasetVersionIds: $e }) { id } }`,
          { t: [versionIds[0]], e: [versionIds[0], versionIds[1]] },
        ),
      );
      modelVersionId = mv.registerModelVersion.id;
    });

    it('reads a dataset with its owner and versions, newest first', async () => {
      const d = ok(await t.gql(auditor.key, `{ dataset(id: "${datasetId}") { ${DATASET_FIELDS} } }`)).dataset;
      expect(d).toMatchObject({ id: datasetId, name: 'lineage-data', owner: { id: owner.id } });
      expect(d.versions.map((v: { version: string }) => v.version)).toEqual(['c', 'b', 'a']);
    });

    it('reads a dataset version with its dataset and the model versions that used it, each once', async () => {
      const query = (id: string) => `{ datasetVersion(id: "${id}") { ${VERSION_FIELDS} usedByModelVersions { id version } } }`;
      const used = ok(await t.gql(auditor.key, query(versionIds[0]))).datasetVersion;
      expect(used).toMatchObject({ id: versionIds[0], version: 'a', dataset: { id: datasetId } });
      expect(used.usedByModelVersions).toEqual([{ id: modelVersionId, version: '1.0.0' }]);
      expect(ok(await t.gql(auditor.key, query(versionIds[1]))).datasetVersion.usedByModelVersions).toEqual([
        { id: modelVersionId, version: '1.0.0' },
      ]);
      expect(ok(await t.gql(auditor.key, query(versionIds[2]))).datasetVersion.usedByModelVersions).toEqual([]);
      const mv = ok(
        await t.gql(auditor.key, `{ modelVersion(id: "${modelVersionId}") { trainingDatasets { id } evaluationDatasets { id } } }`),
      ).modelVersion;
      expect(mv.trainingDatasets).toEqual([{ id: versionIds[0] }]);
      expect(mv.evaluationDatasets.map((d: { id: string }) => d.id).sort()).toEqual([versionIds[0], versionIds[1]].sort());
    });

    it('answers NOT_FOUND for unknown ids', async () => {
      expect(errorCode(await t.gql(auditor.key, `{ dataset(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(auditor.key, `{ datasetVersion(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
    });

    it('refuses a service principal, which reads only its automations, with FORBIDDEN', async () => {
      expect(errorCode(await t.gql(service.key, `{ dataset(id: "${datasetId}") { id } }`))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(service.key, `{ datasetVersion(id: "${versionIds[0]}") { id } }`))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(service.key, '{ datasets { edges { node { id } } } }'))).toBe('FORBIDDEN');
    });
  });

  describe('datasets', () => {
    const names = (res: Record<string, any>): string[] => res.datasets.edges.map((e: { node: { name: string } }) => e.node.name);
    beforeAll(async () => {
      const health = await newDataset('page-health', otherOwner.key);
      ok(await registerVersion(otherOwner.key, versionInput(health, { piiClasses: ['health', 'children'] })));
      await newDataset('page-plain', otherOwner.key);
      await newDataset('page-third', otherOwner.key);
    });

    it('filters by owner, name and PII class', async () => {
      const list = (filter: string) => t.gql(auditor.key, `{ datasets(filter: ${filter}) { edges { node { name } } } }`);
      expect(names(ok(await list(`{ ownerId: "${otherOwner.id}", search: "page-" }`)))).toEqual([
        'page-third',
        'page-plain',
        'page-health',
      ]);
      expect(names(ok(await list('{ search: "PAGE-PL" }')))).toEqual(['page-plain']);
      expect(names(ok(await list('{ piiClass: "children" }')))).toEqual(['page-health']);
      expect(names(ok(await list(`{ piiClass: "health", ownerId: "${owner.id}" }`)))).toEqual([]);
      expect(errorCode(await list('{ piiClass: "genome" }'))).toBe('VALIDATION_FAILED');
      expect(errorCode(await list('{ ownerId: "olivia" }'))).toBe('VALIDATION_FAILED');
    });

    it('pages newest first with a cursor', async () => {
      const page = (after?: string) =>
        t.gql(
          auditor.key,
          'query($a: String) { datasets(first: 2, after: $a, filter: { search: "page-" }) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
          { a: after },
        );
      const first = ok(await page());
      expect(names(first)).toEqual(['page-third', 'page-plain']);
      expect(first.datasets.pageInfo.hasNextPage).toBe(true);
      const second = ok(await page(first.datasets.pageInfo.endCursor));
      expect(names(second)).toEqual(['page-health']);
      expect(second.datasets.pageInfo.hasNextPage).toBe(false);
      expect(errorCode(await t.gql(auditor.key, '{ datasets(first: 0) { edges { cursor } } }'))).toBe('VALIDATION_FAILED');
    });

    it('loads nested owners, versions, datasets and model versions in a number of statements that does not grow with the page', async () => {
      for (let i = 0; i < 6; i++) ok(await registerVersion(owner.key, versionInput(await newDataset(`batch-${i}`))));
      const nested =
        '{ datasets(first: $n, filter: { search: "batch-" }) { edges { node { owner { id } versions { dataset { id } usedByModelVersions { id } } } } } }';
      const statements = async (n: number) => {
        const { response, statements } = await statementsOfRequest(t, auditor.key, nested.replace('$n', String(n)));
        expect(ok(response).datasets.edges).toHaveLength(n);
        return statements;
      };
      expect(await statements(6)).toBe(await statements(2));
    });
  });
});

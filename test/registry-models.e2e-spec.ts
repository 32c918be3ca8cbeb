import { randomUUID } from 'node:crypto';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

type Principal = { id: string; key: string };

const MODEL_FIELDS = 'id name description ownerId owner { id name } versions { id version status }';
const VERSION_FIELDS = `id modelId version artifactUri artifactDigest framework intendedUse limitations riskTier status
  submittedBy approvedBy createdBy metrics { name value datasetVersionId } model { id name }
  trainingDatasets { id version } evaluationDatasets { id version } transitions { from to actorId rationale }`;
const DIGEST = `sha256:${'0f'.repeat(32)}`;

describe('registry: models and their versions', () => {
  let t: TestApp;
  let owner: Principal;
  let otherOwner: Principal;
  let compliance: Principal;
  let auditor: Principal;
  let service: Principal;
  let admin: Principal;
  let trainingSet: string;
  let holdoutSet: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { id: ok(await t.gql(t.adminKey, '{ me { id } }')).me.id, key: t.adminKey };
    owner = await principalWithRole(t, 'model_owner', { name: 'morgan' });
    otherOwner = await principalWithRole(t, 'model_owner');
    compliance = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    const automation = ok(
      await t.gql(t.adminKey, 'mutation { registerAutomation(input: { key: "model-bot", name: "model bot" }) { id } }'),
    );
    service = await principalWithRole(t, 'service', { automationId: automation.registerAutomation.id });
    const dataset = ok(await t.gql(owner.key, 'mutation { registerDataset(input: { name: "claims" }) { id } }')).registerDataset.id;
    const snapshot = async (version: string) => {
      const res = await t.gql(
        owner.key,
        `mutation { registerDatasetVersion(input: { datasetId: "${dataset}", version: "${version}",
        sourceUri: "s3://lake/claims/${version}/", digest: "${DIGEST}", piiClasses: ["contact"] }) { id } }`,
      );
      return ok(res).registerDatasetVersion.id as string;
    };
    trainingSet = await snapshot('train-2025');
    holdoutSet = await snapshot('holdout-2025');
  });
  afterAll(() => t?.close());

  const registerModel = (key: string, input: Record<string, unknown>) =>
    t.gql(key, `mutation($i: RegisterModelInput!) { registerModel(input: $i) { ${MODEL_FIELDS} } }`, { i: input });
  const registerVersion = (key: string, input: Record<string, unknown>) =>
    t.gql(key, `mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { ${VERSION_FIELDS} } }`, { i: input });
  const transition = (key: string, id: string, to: string, rationale = `moving to ${to}`) =>
    t.gql(
      key,
      `mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { ${VERSION_FIELDS} } }`,
      {
        id,
        to,
        r: rationale,
      },
    );
  const versionInput = (modelId: string, overrides: Record<string, unknown> = {}) => ({
    modelId,
    version: '1.0.0',
    artifactUri: 's3://models/triage/1.0.0/model.onnx',
    artifactDigest: DIGEST,
    framework: 'onnx',
    riskTier: 'MEDIUM',
    ...overrides,
  });
  const newModel = async (name: string, by = owner) => ok(await registerModel(by.key, { name })).registerModel.id as string;
  const newVersion = async (modelId: string, overrides: Record<string, unknown> = {}, by = owner) =>
    ok(await registerVersion(by.key, versionInput(modelId, overrides))).registerModelVersion.id as string;
  const auditTrail = async (subjectId: string) =>
    ok(
      await t.gql(
        auditor.key,
        'query($s: String!) { auditEvents(filter: { subjectId: $s }) { edges { node { action actorId after } } } }',
        { s: subjectId },
      ),
    ).auditEvents.edges.map((e: { node: { action: string } }) => e.node);
  const registrations = async (action: string) =>
    ok(await t.gql(auditor.key, `{ auditEvents(first: 100, filter: { action: "${action}" }) { edges { node { subjectId } } } }`))
      .auditEvents.edges.length as number;

  describe('registerModel', () => {
    it('registers a model owned by the caller and audits it', async () => {
      const m = ok(await registerModel(owner.key, { name: 'claims-triage', description: 'Gradient-boosted triage' })).registerModel;
      expect(m).toMatchObject({ name: 'claims-triage', ownerId: owner.id, owner: { id: owner.id, name: 'morgan' }, versions: [] });
      expect(await auditTrail(m.id)).toEqual([
        expect.objectContaining({
          action: 'model.registered',
          actorId: owner.id,
          after: expect.objectContaining({ name: 'claims-triage' }),
        }),
      ]);
    });

    it('refuses roles that may not create models with FORBIDDEN', async () => {
      const automationOwner = await principalWithRole(t, 'automation_owner');
      for (const p of [automationOwner, compliance, auditor, service])
        expect(errorCode(await registerModel(p.key, { name: 'nope' }))).toBe('FORBIDDEN');
    });

    it('validates the name and the owner with VALIDATION_FAILED', async () => {
      expect(errorCode(await registerModel(owner.key, { name: ' lead' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await registerModel(owner.key, { name: 'm', ownerId: 'morgan' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await registerModel(owner.key, { name: 'orphan', ownerId: randomUUID() }))).toBe('VALIDATION_FAILED');
    });

    it('answers CONFLICT for a duplicate name and leaves nothing behind', async () => {
      await newModel('twin-model');
      const before = await registrations('model.registered');
      expect(errorCode(await registerModel(otherOwner.key, { name: 'twin-model' }))).toBe('CONFLICT');
      expect(errorCode(await registerModel(owner.key, { name: 'orphan', ownerId: randomUUID() }))).toBe('VALIDATION_FAILED');
      expect(await registrations('model.registered')).toBe(before);
      expect(
        ok(await t.gql(auditor.key, '{ models(filter: { search: "twin-model" }) { edges { node { id } } } }')).models.edges,
      ).toHaveLength(1);
      expect(ok(await t.gql(auditor.key, '{ models(filter: { search: "orphan" }) { edges { node { id } } } }')).models.edges).toHaveLength(
        0,
      );
    });
  });

  describe('registerModelVersion', () => {
    let modelId: string;
    beforeAll(async () => (modelId = await newModel('fraud-model')));

    it('registers a draft linked to its training and evaluation datasets, and audits it', async () => {
      const input = versionInput(modelId, {
        intendedUse: 'Score motor claims for fraud',
        limitations: 'Not for home insurance',
        metrics: [{ name: 'auc', value: 0.91, datasetVersionId: holdoutSet }],
        trainingDatasetVersionIds: [trainingSet],
        evaluationDatasetVersionIds: [holdoutSet],
      });
      const v = ok(await registerVersion(owner.key, input)).registerModelVersion;
      expect(v).toMatchObject({
        modelId,
        version: '1.0.0',
        status: 'DRAFT',
        createdBy: owner.id,
        submittedBy: null,
        model: { id: modelId, name: 'fraud-model' },
        metrics: [{ name: 'auc', value: 0.91, datasetVersionId: holdoutSet }],
        trainingDatasets: [{ id: trainingSet, version: 'train-2025' }],
        evaluationDatasets: [{ id: holdoutSet, version: 'holdout-2025' }],
        transitions: [],
      });
      expect(await auditTrail(v.id)).toEqual([
        expect.objectContaining({
          action: 'model_version.registered',
          after: expect.objectContaining({ trainingDatasetVersionIds: [trainingSet] }),
        }),
      ]);
      const used = ok(await t.gql(auditor.key, `{ datasetVersion(id: "${trainingSet}") { usedByModelVersions { id } } }`));
      expect(used.datasetVersion.usedByModelVersions).toEqual([{ id: v.id }]);
    });

    it('refuses a model owner who does not own the model, and read-only roles, with FORBIDDEN', async () => {
      expect(errorCode(await registerVersion(otherOwner.key, versionInput(modelId, { version: 'x1' })))).toBe('FORBIDDEN');
      expect(errorCode(await registerVersion(compliance.key, versionInput(modelId, { version: 'x2' })))).toBe('FORBIDDEN');
    });

    it.each([
      ['a digest that is not <algorithm>:<hex>', () => ({ artifactDigest: 'sha256:xyz' })],
      ['an artifact URI with an unknown scheme', () => ({ artifactUri: 'ftp://models/x' })],
      ['unknown training dataset versions', () => ({ trainingDatasetVersionIds: [trainingSet, randomUUID()] })],
      ['unknown evaluation dataset versions', () => ({ evaluationDatasetVersionIds: [randomUUID()] })],
      ['a metric on an unknown dataset version', () => ({ metrics: [{ name: 'auc', value: 0.5, datasetVersionId: randomUUID() }] })],
    ])('rejects %s with VALIDATION_FAILED and leaves nothing behind', async (_, overrides) => {
      const before = await registrations('model_version.registered');
      expect(errorCode(await registerVersion(owner.key, versionInput(modelId, { version: 'bad', ...overrides() })))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await registrations('model_version.registered')).toBe(before);
      const versions = ok(await t.gql(auditor.key, `{ model(id: "${modelId}") { versions { version } } }`)).model.versions;
      expect(versions.map((v: { version: string }) => v.version)).not.toContain('bad');
    });

    it('answers NOT_FOUND for an unknown model', async () => {
      expect(errorCode(await registerVersion(owner.key, versionInput(randomUUID())))).toBe('NOT_FOUND');
    });

    it('answers CONFLICT for a duplicate version of the same model', async () => {
      await newVersion(modelId, { version: '9.9.9' });
      expect(errorCode(await registerVersion(owner.key, versionInput(modelId, { version: '9.9.9' })))).toBe('CONFLICT');
    });
  });

  describe('transitionModelVersion', () => {
    let modelId: string;
    beforeAll(async () => (modelId = await newModel('pricing-model')));

    it('returns the new updatedAt with the moved version', async () => {
      const id = await newVersion(modelId, { version: '0.0.1' });
      const before = ok(await t.gql(owner.key, `{ modelVersion(id: "${id}") { updatedAt } }`)).modelVersion.updatedAt;
      await new Promise((r) => setTimeout(r, 5));
      const moved = ok(
        await t.gql(owner.key, `mutation { transitionModelVersion(id: "${id}", to: IN_REVIEW, rationale: "ready now") { updatedAt } }`),
      );
      expect(new Date(moved.transitionModelVersion.updatedAt).getTime()).toBeGreaterThan(new Date(before).getTime());
      const reread = ok(await t.gql(owner.key, `{ modelVersion(id: "${id}") { updatedAt } }`)).modelVersion.updatedAt;
      expect(new Date(reread).getTime()).toBe(new Date(moved.transitionModelVersion.updatedAt).getTime());
    });

    it('moves a version through review, approval by a compliance officer and deployment, with history and audit', async () => {
      const id = await newVersion(modelId, { version: '2.0.0' });
      expect(ok(await transition(owner.key, id, 'IN_REVIEW', 'model card complete')).transitionModelVersion).toMatchObject({
        status: 'IN_REVIEW',
        submittedBy: owner.id,
      });
      expect(errorCode(await transition(owner.key, id, 'APPROVED'))).toBe('FORBIDDEN');
      expect(ok(await transition(compliance.key, id, 'APPROVED', 'bias audit passed')).transitionModelVersion.approvedBy).toBe(
        compliance.id,
      );
      const v = ok(await transition(owner.key, id, 'DEPLOYED', 'canary ok')).transitionModelVersion;
      expect(v.transitions).toEqual([
        { from: 'DRAFT', to: 'IN_REVIEW', actorId: owner.id, rationale: 'model card complete' },
        { from: 'IN_REVIEW', to: 'APPROVED', actorId: compliance.id, rationale: 'bias audit passed' },
        { from: 'APPROVED', to: 'DEPLOYED', actorId: owner.id, rationale: 'canary ok' },
      ]);
      const actions = (await auditTrail(id)).map((e: { action: string }) => e.action);
      expect(actions.filter((a: string) => a === 'model_version.transitioned')).toHaveLength(3);
    });

    it('enforces separation of duties: the submitter cannot approve even with the approve ability', async () => {
      const id = await newVersion(await newModel('admin-model', admin), {}, admin);
      expect(ok(await transition(admin.key, id, 'IN_REVIEW')).transitionModelVersion.submittedBy).toBe(admin.id);
      const refused = await transition(admin.key, id, 'APPROVED');
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/separation of duties/i);
      expect(ok(await t.gql(auditor.key, `{ modelVersion(id: "${id}") { status } }`)).modelVersion.status).toBe('IN_REVIEW');
      expect(ok(await transition(compliance.key, id, 'APPROVED')).transitionModelVersion.status).toBe('APPROVED');
    });

    it('rejects an illegal move such as draft → deployed with VALIDATION_FAILED and records nothing', async () => {
      const id = await newVersion(modelId, { version: '3.0.0' });
      expect(errorCode(await transition(owner.key, id, 'DEPLOYED'))).toBe('VALIDATION_FAILED');
      expect(errorCode(await transition(owner.key, id, 'APPROVED'))).toBe('FORBIDDEN');
      const v = ok(await t.gql(auditor.key, `{ modelVersion(id: "${id}") { status transitions { to } } }`)).modelVersion;
      expect(v).toEqual({ status: 'DRAFT', transitions: [] });
      expect((await auditTrail(id)).map((e: { action: string }) => e.action)).toEqual(['model_version.registered']);
    });

    it('refuses other owners and read-only roles with FORBIDDEN, and unknown ids with NOT_FOUND', async () => {
      const id = await newVersion(modelId, { version: '4.0.0' });
      expect(errorCode(await transition(otherOwner.key, id, 'IN_REVIEW'))).toBe('FORBIDDEN');
      expect(errorCode(await transition(auditor.key, id, 'IN_REVIEW'))).toBe('FORBIDDEN');
      expect(errorCode(await transition(service.key, id, 'IN_REVIEW'))).toBe('FORBIDDEN');
      expect(errorCode(await transition(owner.key, randomUUID(), 'IN_REVIEW'))).toBe('NOT_FOUND');
    });
  });

  describe('model and modelVersion', () => {
    let modelId: string;
    let versionIds: string[];
    beforeAll(async () => {
      modelId = await newModel('churn-model');
      versionIds = [
        await newVersion(modelId, { version: '1' }),
        await newVersion(modelId, { version: '2', trainingDatasetVersionIds: [trainingSet] }),
      ];
    });

    it('reads a model with its owner and versions, newest first, and a version with its model and datasets', async () => {
      const m = ok(await t.gql(auditor.key, `{ model(id: "${modelId}") { ${MODEL_FIELDS} } }`)).model;
      expect(m).toMatchObject({ name: 'churn-model', owner: { id: owner.id } });
      expect(m.versions.map((v: { id: string }) => v.id)).toEqual([...versionIds].reverse());
      const v = ok(await t.gql(compliance.key, `{ modelVersion(id: "${versionIds[1]}") { ${VERSION_FIELDS} } }`)).modelVersion;
      expect(v).toMatchObject({ version: '2', model: { id: modelId }, trainingDatasets: [{ id: trainingSet }], evaluationDatasets: [] });
    });

    it('answers NOT_FOUND for unknown ids', async () => {
      expect(errorCode(await t.gql(auditor.key, `{ model(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(auditor.key, `{ modelVersion(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
    });

    it('refuses a service principal, which reads only its automations, with FORBIDDEN', async () => {
      expect(errorCode(await t.gql(service.key, `{ model(id: "${modelId}") { id } }`))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(service.key, `{ modelVersion(id: "${versionIds[0]}") { id } }`))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(service.key, '{ models { edges { node { id } } } }'))).toBe('FORBIDDEN');
    });
  });

  describe('models', () => {
    const names = (res: Record<string, any>): string[] => res.models.edges.map((e: { node: { name: string } }) => e.node.name);
    const list = (filter: string) => t.gql(auditor.key, `{ models(filter: ${filter}) { edges { node { name } } } }`);
    beforeAll(async () => {
      await newVersion(await newModel('list-one', otherOwner), { riskTier: 'LOW' }, otherOwner);
      const two = await newModel('list-two', otherOwner);
      ok(await transition(otherOwner.key, await newVersion(two, { riskTier: 'HIGH' }, otherOwner), 'IN_REVIEW'));
      await newModel('list-three', otherOwner);
    });

    it('filters by owner, name, status and risk tier', async () => {
      expect(names(ok(await list(`{ ownerId: "${otherOwner.id}" }`)))).toEqual(['list-three', 'list-two', 'list-one']);
      expect(names(ok(await list('{ search: "LIST-T" }')))).toEqual(['list-three', 'list-two']);
      expect(names(ok(await list('{ search: "list-", riskTier: LOW }')))).toEqual(['list-one']);
      expect(names(ok(await list('{ search: "list-", status: IN_REVIEW }')))).toEqual(['list-two']);
      expect(names(ok(await list('{ search: "list-", status: IN_REVIEW, riskTier: LOW }')))).toEqual([]);
      expect(errorCode(await list('{ riskTier: extreme }'))).toBe('VALIDATION_FAILED');
    });

    it('pages newest first with a cursor', async () => {
      const page = (after?: string) =>
        t.gql(
          auditor.key,
          'query($a: String) { models(first: 2, after: $a, filter: { search: "list-" }) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
          { a: after },
        );
      const first = ok(await page());
      expect(names(first)).toEqual(['list-three', 'list-two']);
      expect(first.models.pageInfo.hasNextPage).toBe(true);
      const second = ok(await page(first.models.pageInfo.endCursor));
      expect(names(second)).toEqual(['list-one']);
      expect(second.models.pageInfo.hasNextPage).toBe(false);
      expect(errorCode(await page('not-a-cursor'))).toBe('VALIDATION_FAILED');
    });
  });
});

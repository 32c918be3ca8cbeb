import { randomUUID } from 'node:crypto';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { statementsOfRequest } from './support/statements';

type Principal = { id: string; key: string };

const AUTOMATION_FIELDS = 'id key name description ownerId owner { id name } versions { id version status }';
const VERSION_FIELDS = `id automationId version purpose riskClass oversightMode environment status submittedBy approvedBy createdBy
  automation { id key } modelVersions { id version } transitions { from to actorId rationale }`;

describe('registry: automations and their versions', () => {
  let t: TestApp;
  let owner: Principal;
  let otherOwner: Principal;
  let compliance: Principal;
  let auditor: Principal;
  let modelOwner: Principal;
  let modelVersionIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    owner = await principalWithRole(t, 'automation_owner', { name: 'alex' });
    otherOwner = await principalWithRole(t, 'automation_owner');
    compliance = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    modelOwner = await principalWithRole(t, 'model_owner');
    const model = ok(await t.gql(modelOwner.key, 'mutation { registerModel(input: { name: "triage-model" }) { id } }')).registerModel;
    modelVersionIds = [];
    for (const version of ['1.0.0', '2.0.0']) {
      const mv = await t.gql(
        modelOwner.key,
        `mutation { registerModelVersion(input: { modelId: "${model.id}", version: "${version}",
        artifactUri: "s3://models/triage/${version}", artifactDigest: "sha256:${'ab'.repeat(32)}", framework: "xgboost", riskTier: HIGH }) { id } }`,
      );
      modelVersionIds.push(ok(mv).registerModelVersion.id);
    }
  });
  afterAll(() => t?.close());

  const registerAutomation = (key: string, input: Record<string, unknown>) =>
    t.gql(key, `mutation($i: RegisterAutomationInput!) { registerAutomation(input: $i) { ${AUTOMATION_FIELDS} } }`, { i: input });
  const registerVersion = (key: string, input: Record<string, unknown>) =>
    t.gql(key, `mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { ${VERSION_FIELDS} } }`, {
      i: input,
    });
  const transition = (key: string, id: string, to: string, rationale = `moving to ${to}`) =>
    t.gql(
      key,
      `mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionAutomationVersion(id: $id, to: $to, rationale: $r) { ${VERSION_FIELDS} } }`,
      {
        id,
        to,
        r: rationale,
      },
    );
  const versionInput = (automationId: string, overrides: Record<string, unknown> = {}) => ({
    automationId,
    version: '1.0.0',
    purpose: 'Routes incoming claims to fast-track or manual handling',
    riskClass: 'HIGH',
    oversightMode: 'REQUIRED',
    environment: 'PRODUCTION',
    modelVersionIds: [modelVersionIds[0]],
    ...overrides,
  });
  const newAutomation = async (key: string, by = owner) =>
    ok(await registerAutomation(by.key, { key, name: `${key} automation` })).registerAutomation.id as string;
  const newVersion = async (automationId: string, by = owner, overrides: Record<string, unknown> = {}) =>
    ok(await registerVersion(by.key, versionInput(automationId, overrides))).registerAutomationVersion.id as string;
  const auditOf = async (subjectId: string) =>
    ok(
      await t.gql(t.adminKey, 'query($s: String!) { auditEvents(filter: { subjectId: $s }) { edges { node { action actorId after } } } }', {
        s: subjectId,
      }),
    ).auditEvents.edges.map((e: { node: { action: string } }) => e.node);
  const eventCount = async (action: string) =>
    ok(await t.gql(t.adminKey, `{ auditEvents(first: 100, filter: { action: "${action}" }) { edges { cursor } } }`)).auditEvents.edges
      .length as number;
  /** A principal with an API key and no role at all: passes authentication, holds no ability. */
  const principalWithoutRoles = async (): Promise<Principal> => {
    const created = ok(
      await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: "no-roles" }) { id } }'),
    ).createPrincipal;
    const issued = ok(await t.gql(t.adminKey, `mutation { issueApiKey(input: { principalId: "${created.id}", name: "k" }) { secret } }`));
    return { id: created.id, key: issued.issueApiKey.secret };
  };

  describe('registerAutomation', () => {
    it('registers an automation owned by the caller and audits it', async () => {
      const a = ok(
        await registerAutomation(owner.key, { key: 'claims-triage', name: 'Claims triage', description: 'Sorts claims' }),
      ).registerAutomation;
      expect(a).toMatchObject({
        key: 'claims-triage',
        name: 'Claims triage',
        ownerId: owner.id,
        owner: { id: owner.id, name: 'alex' },
        versions: [],
      });
      expect(await auditOf(a.id)).toEqual([
        expect.objectContaining({
          action: 'automation.registered',
          actorId: owner.id,
          after: expect.objectContaining({ key: 'claims-triage' }),
        }),
      ]);
    });

    it('refuses roles that may not create automations with FORBIDDEN', async () => {
      for (const p of [modelOwner, compliance, auditor])
        expect(errorCode(await registerAutomation(p.key, { key: 'nope', name: 'nope' }))).toBe('FORBIDDEN');
    });

    it.each([
      ['upper case', 'Claims-Triage'],
      ['underscores', 'claims_triage'],
      ['a leading dash', '-claims'],
      ['a single character', 'c'],
      ['more than 63 characters', `c${'x'.repeat(63)}`],
    ])('rejects a key with %s with VALIDATION_FAILED', async (_, key) => {
      expect(errorCode(await registerAutomation(owner.key, { key, name: 'bad key' }))).toBe('VALIDATION_FAILED');
    });

    it('validates the name and the owner with VALIDATION_FAILED', async () => {
      expect(errorCode(await registerAutomation(owner.key, { key: 'blank-name', name: '  ' }))).toBe('VALIDATION_FAILED');
      expect(errorCode(await registerAutomation(owner.key, { key: 'ghost-owner', name: 'g', ownerId: randomUUID() }))).toBe(
        'VALIDATION_FAILED',
      );
    });

    it('answers CONFLICT for a duplicate key and leaves nothing behind', async () => {
      await newAutomation('dup-key');
      const before = await eventCount('automation.registered');
      expect(errorCode(await registerAutomation(otherOwner.key, { key: 'dup-key', name: 'another name' }))).toBe('CONFLICT');
      expect(errorCode(await registerAutomation(owner.key, { key: 'ghost-owner', name: 'g', ownerId: randomUUID() }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(await eventCount('automation.registered')).toBe(before);
      expect(ok(await t.gql(auditor.key, '{ automationByKey(key: "dup-key") { name } }')).automationByKey.name).toBe('dup-key automation');
      expect(errorCode(await t.gql(auditor.key, '{ automationByKey(key: "ghost-owner") { id } }'))).toBe('NOT_FOUND');
    });
  });

  describe('registerAutomationVersion', () => {
    let automationId: string;
    beforeAll(async () => (automationId = await newAutomation('fraud-screen')));

    it('registers a draft that links the model versions it uses, and audits it', async () => {
      const v = ok(
        await registerVersion(owner.key, versionInput(automationId, { modelVersionIds: modelVersionIds })),
      ).registerAutomationVersion;
      expect(v).toMatchObject({
        automationId,
        version: '1.0.0',
        riskClass: 'HIGH',
        oversightMode: 'REQUIRED',
        environment: 'PRODUCTION',
        status: 'DRAFT',
        submittedBy: null,
        approvedBy: null,
        createdBy: owner.id,
        automation: { id: automationId, key: 'fraud-screen' },
        transitions: [],
      });
      expect(v.modelVersions.map((m: { id: string }) => m.id).sort()).toEqual([...modelVersionIds].sort());
      expect(await auditOf(v.id)).toEqual([
        expect.objectContaining({
          action: 'automation_version.registered',
          after: expect.objectContaining({ status: 'draft', modelVersionIds }),
        }),
      ]);
    });

    it('accepts a rules-only version with no model versions', async () => {
      const v = ok(
        await registerVersion(owner.key, versionInput(automationId, { version: 'rules-1', modelVersionIds: [], riskClass: 'MINIMAL' })),
      );
      expect(v.registerAutomationVersion).toMatchObject({ modelVersions: [], riskClass: 'MINIMAL' });
    });

    it('refuses an automation owner who does not own it, and read-only roles, with FORBIDDEN', async () => {
      expect(errorCode(await registerVersion(otherOwner.key, versionInput(automationId, { version: 'x1' })))).toBe('FORBIDDEN');
      expect(errorCode(await registerVersion(auditor.key, versionInput(automationId, { version: 'x2' })))).toBe('FORBIDDEN');
      expect(errorCode(await registerVersion(modelOwner.key, versionInput(automationId, { version: 'x3' })))).toBe('FORBIDDEN');
    });

    it.each([
      ['unknown model version ids', () => ({ modelVersionIds: [modelVersionIds[0], randomUUID()] })],
      ['a model version id that is not a uuid', () => ({ modelVersionIds: ['triage-model'] })],
      ['a repeated model version id', () => ({ modelVersionIds: [modelVersionIds[0], modelVersionIds[0]] })],
      ['a blank purpose', () => ({ purpose: '' })],
    ])('rejects %s with VALIDATION_FAILED and leaves nothing behind', async (_, overrides) => {
      const input = versionInput(automationId, { version: 'bad', ...overrides() });
      const before = await eventCount('automation_version.registered');
      expect(errorCode(await registerVersion(owner.key, input))).toBe('VALIDATION_FAILED');
      expect(await eventCount('automation_version.registered')).toBe(before);
      const versions = ok(await t.gql(auditor.key, `{ automation(id: "${automationId}") { versions { version } } }`)).automation.versions;
      expect(versions.map((v: { version: string }) => v.version)).not.toContain('bad');
    });

    it.each([
      ['risk class', 'riskClass: extreme, oversightMode: REQUIRED, environment: dev'],
      ['oversight mode', 'riskClass: HIGH, oversightMode: sometimes, environment: dev'],
      ['environment', 'riskClass: HIGH, oversightMode: REQUIRED, environment: qa'],
    ])('rejects an unknown %s with VALIDATION_FAILED', async (_, enums) => {
      const res = await t.gql(
        owner.key,
        `mutation { registerAutomationVersion(input: { automationId: "${automationId}", version: "bad",
        purpose: "enum check", ${enums}, modelVersionIds: [] }) { id } }`,
      );
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
    });

    it('answers NOT_FOUND for an unknown automation', async () => {
      expect(errorCode(await registerVersion(owner.key, versionInput(randomUUID())))).toBe('NOT_FOUND');
    });

    it('answers CONFLICT for a duplicate version of the same automation', async () => {
      const other = await newAutomation('fraud-screen-eu');
      await newVersion(other);
      expect(errorCode(await registerVersion(owner.key, versionInput(automationId, { version: '1.0.0' })))).toBe('CONFLICT');
      expect(errorCode(await registerVersion(owner.key, versionInput(other, { version: '1.0.0' })))).toBe('CONFLICT');
      const versions = ok(await t.gql(auditor.key, `{ automation(id: "${other}") { versions { version } } }`)).automation.versions;
      expect(versions).toEqual([{ version: '1.0.0' }]);
    });
  });

  describe('transitionAutomationVersion', () => {
    let automationId: string;
    beforeAll(async () => (automationId = await newAutomation('loan-pricing')));

    it('moves a version through review, approval by a compliance officer and deployment, with history and audit', async () => {
      const id = await newVersion(automationId, owner, { version: '3.0.0' });
      expect(ok(await transition(owner.key, id, 'IN_REVIEW', 'ready for review')).transitionAutomationVersion).toMatchObject({
        status: 'IN_REVIEW',
        submittedBy: owner.id,
      });
      expect(errorCode(await transition(owner.key, id, 'APPROVED'))).toBe('FORBIDDEN');
      expect(ok(await transition(compliance.key, id, 'APPROVED', 'DPIA reviewed')).transitionAutomationVersion).toMatchObject({
        status: 'APPROVED',
        approvedBy: compliance.id,
      });
      const deployed = ok(await transition(owner.key, id, 'DEPLOYED', 'go live')).transitionAutomationVersion;
      expect(deployed.status).toBe('DEPLOYED');
      expect(deployed.transitions).toEqual([
        { from: 'DRAFT', to: 'IN_REVIEW', actorId: owner.id, rationale: 'ready for review' },
        { from: 'IN_REVIEW', to: 'APPROVED', actorId: compliance.id, rationale: 'DPIA reviewed' },
        { from: 'APPROVED', to: 'DEPLOYED', actorId: owner.id, rationale: 'go live' },
      ]);
      const actions = (await auditOf(id)).map((e: { action: string }) => e.action);
      expect(actions.filter((a: string) => a === 'automation_version.transitioned')).toHaveLength(3);
      const filtered = ok(await t.gql(auditor.key, '{ automations(filter: { status: DEPLOYED }) { edges { node { key } } } }'));
      expect(filtered.automations.edges).toEqual([{ node: { key: 'loan-pricing' } }]);
    });

    it('enforces separation of duties: the submitter cannot approve even with the approve ability', async () => {
      const dual = await principalWithRole(t, 'automation_owner');
      ok(await t.gql(t.adminKey, `mutation { bindRole(input: { principalId: "${dual.id}", role: COMPLIANCE_OFFICER }) { id } }`));
      const id = await newVersion(await newAutomation('dual-role', dual), dual);
      ok(await transition(dual.key, id, 'IN_REVIEW'));
      const refused = await transition(dual.key, id, 'APPROVED');
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/separation of duties/i);
      expect(ok(await t.gql(auditor.key, `{ automationVersion(id: "${id}") { status approvedBy } }`)).automationVersion).toEqual({
        status: 'IN_REVIEW',
        approvedBy: null,
      });
      expect(ok(await transition(compliance.key, id, 'APPROVED')).transitionAutomationVersion.approvedBy).toBe(compliance.id);
    });

    it('rejects an illegal move such as draft → deployed with VALIDATION_FAILED and records nothing', async () => {
      const id = await newVersion(automationId, owner, { version: '4.0.0' });
      expect(errorCode(await transition(owner.key, id, 'DEPLOYED'))).toBe('VALIDATION_FAILED');
      expect(errorCode(await transition(owner.key, id, 'IN_REVIEW', 'no'))).toBe('VALIDATION_FAILED');
      const v = ok(await t.gql(auditor.key, `{ automationVersion(id: "${id}") { status transitions { to } } }`)).automationVersion;
      expect(v).toEqual({ status: 'DRAFT', transitions: [] });
      expect((await auditOf(id)).map((e: { action: string }) => e.action)).toEqual(['automation_version.registered']);
    });

    it('refuses other owners and read-only roles with FORBIDDEN, and unknown ids with NOT_FOUND', async () => {
      const id = await newVersion(automationId, owner, { version: '5.0.0' });
      expect(errorCode(await transition(otherOwner.key, id, 'IN_REVIEW'))).toBe('FORBIDDEN');
      expect(errorCode(await transition(auditor.key, id, 'IN_REVIEW'))).toBe('FORBIDDEN');
      expect(errorCode(await transition(owner.key, randomUUID(), 'IN_REVIEW'))).toBe('NOT_FOUND');
    });
  });

  describe('automation, automationByKey, automationVersion', () => {
    let automationId: string;
    let versionIds: string[];
    beforeAll(async () => {
      automationId = await newAutomation('kyc-check');
      versionIds = [await newVersion(automationId, owner, { version: '1' }), await newVersion(automationId, owner, { version: '2' })];
    });

    it('reads an automation by id and by key with its owner and versions, newest first', async () => {
      const byId = ok(await t.gql(auditor.key, `{ automation(id: "${automationId}") { ${AUTOMATION_FIELDS} } }`)).automation;
      expect(byId).toMatchObject({ key: 'kyc-check', owner: { id: owner.id, name: 'alex' } });
      expect(byId.versions.map((v: { id: string }) => v.id)).toEqual([...versionIds].reverse());
      expect(ok(await t.gql(modelOwner.key, '{ automationByKey(key: "kyc-check") { id } }')).automationByKey.id).toBe(automationId);
    });

    it('reads a version with its automation, model versions and history', async () => {
      const v = ok(await t.gql(compliance.key, `{ automationVersion(id: "${versionIds[0]}") { ${VERSION_FIELDS} } }`)).automationVersion;
      expect(v).toMatchObject({
        id: versionIds[0],
        version: '1',
        automation: { id: automationId },
        modelVersions: [{ id: modelVersionIds[0], version: '1.0.0' }],
      });
    });

    it('answers NOT_FOUND for unknown ids and keys, VALIDATION_FAILED for a malformed key', async () => {
      expect(errorCode(await t.gql(auditor.key, `{ automation(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(auditor.key, '{ automationByKey(key: "no-such-automation") { id } }'))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(auditor.key, `{ automationVersion(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(auditor.key, '{ automationByKey(key: "Not A Key") { id } }'))).toBe('VALIDATION_FAILED');
    });

    it('refuses a principal without roles with FORBIDDEN', async () => {
      const nobody = await principalWithoutRoles();
      expect(errorCode(await t.gql(nobody.key, `{ automation(id: "${automationId}") { id } }`))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(nobody.key, '{ automationByKey(key: "kyc-check") { id } }'))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(nobody.key, `{ automationVersion(id: "${versionIds[0]}") { id } }`))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(nobody.key, '{ automations { edges { node { id } } } }'))).toBe('FORBIDDEN');
    });
  });

  describe('a service principal', () => {
    let bound: string;
    let unbound: string;
    let boundVersion: string;
    let unboundVersion: string;
    let service: Principal;
    beforeAll(async () => {
      bound = await newAutomation('svc-bound');
      unbound = await newAutomation('svc-unbound');
      boundVersion = await newVersion(bound);
      unboundVersion = await newVersion(unbound);
      service = await principalWithRole(t, 'service', { automationId: bound });
    });

    it('sees its bound automation and its versions', async () => {
      const a = ok(
        await t.gql(
          service.key,
          `{ automation(id: "${bound}") { key owner { id } versions { id automation { key } modelVersions { id } } } }`,
        ),
      ).automation;
      expect(a).toEqual({
        key: 'svc-bound',
        owner: null,
        versions: [{ id: boundVersion, automation: { key: 'svc-bound' }, modelVersions: [] }],
      });
      expect(ok(await t.gql(service.key, '{ automationByKey(key: "svc-bound") { id } }')).automationByKey.id).toBe(bound);
      expect(ok(await t.gql(service.key, `{ automationVersion(id: "${boundVersion}") { id } }`)).automationVersion.id).toBe(boundVersion);
      const list = ok(await t.gql(service.key, '{ automations(first: 100) { edges { node { id } } } }')).automations.edges;
      expect(list).toEqual([{ node: { id: bound } }]);
    });

    it('gets NOT_FOUND for any other automation or version, as if it did not exist', async () => {
      expect(errorCode(await t.gql(service.key, `{ automation(id: "${unbound}") { id } }`))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(service.key, '{ automationByKey(key: "svc-unbound") { id } }'))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(service.key, `{ automationVersion(id: "${unboundVersion}") { id } }`))).toBe('NOT_FOUND');
    });

    it('may not move any version, bound or not: FORBIDDEN before anything is looked up', async () => {
      expect(errorCode(await transition(service.key, unboundVersion, 'IN_REVIEW'))).toBe('FORBIDDEN');
    });

    it('may not register or move anything: FORBIDDEN', async () => {
      expect(errorCode(await registerAutomation(service.key, { key: 'svc-made', name: 'svc made' }))).toBe('FORBIDDEN');
      expect(errorCode(await registerVersion(service.key, versionInput(bound, { version: 'svc' })))).toBe('FORBIDDEN');
      expect(errorCode(await transition(service.key, boundVersion, 'IN_REVIEW'))).toBe('FORBIDDEN');
    });
  });

  describe('automations', () => {
    const keys = (res: Record<string, any>): string[] => res.automations.edges.map((e: { node: { key: string } }) => e.node.key);
    const list = (filter: string, first = 20) =>
      t.gql(auditor.key, `{ automations(first: ${first}, filter: ${filter}) { edges { node { key } } } }`);
    beforeAll(async () => {
      await newVersion(await newAutomation('list-alpha', otherOwner), otherOwner, {
        riskClass: 'LIMITED',
        environment: 'STAGING',
        oversightMode: 'SAMPLE',
      });
      await newVersion(await newAutomation('list-beta', otherOwner), otherOwner, { riskClass: 'HIGH', environment: 'DEV' });
      const gamma = await newAutomation('list-gamma', otherOwner);
      await newVersion(gamma, otherOwner, { riskClass: 'LIMITED', environment: 'DEV' });
      ok(
        await transition(
          otherOwner.key,
          await newVersion(gamma, otherOwner, { version: '2', riskClass: 'MINIMAL', environment: 'PRODUCTION' }),
          'IN_REVIEW',
        ),
      );
    });

    it('filters by owner, key or name, status, risk class and environment', async () => {
      expect(keys(ok(await list(`{ ownerId: "${otherOwner.id}" }`)))).toEqual(['list-gamma', 'list-beta', 'list-alpha']);
      expect(keys(ok(await list('{ search: "LIST-B" }')))).toEqual(['list-beta']);
      expect(keys(ok(await list('{ search: "gamma automation" }')))).toEqual(['list-gamma']);
      expect(keys(ok(await list('{ search: "list-", riskClass: LIMITED }')))).toEqual(['list-gamma', 'list-alpha']);
      expect(keys(ok(await list('{ search: "list-", environment: DEV }')))).toEqual(['list-gamma', 'list-beta']);
      expect(keys(ok(await list('{ search: "list-", riskClass: LIMITED, environment: DEV }')))).toEqual(['list-gamma']);
      expect(keys(ok(await list('{ search: "list-", status: IN_REVIEW }')))).toEqual(['list-gamma']);
      expect(keys(ok(await list('{ search: "list-", status: IN_REVIEW, riskClass: LIMITED }')))).toEqual([]);
      expect(errorCode(await list('{ riskClass: extreme }'))).toBe('VALIDATION_FAILED');
    });

    it('pages newest first with a cursor', async () => {
      const page = (after?: string) =>
        t.gql(
          auditor.key,
          'query($a: String) { automations(first: 2, after: $a, filter: { search: "list-" }) { edges { node { key } } pageInfo { hasNextPage endCursor } } }',
          { a: after },
        );
      const first = ok(await page());
      expect(keys(first)).toEqual(['list-gamma', 'list-beta']);
      expect(first.automations.pageInfo.hasNextPage).toBe(true);
      const second = ok(await page(first.automations.pageInfo.endCursor));
      expect(keys(second)).toEqual(['list-alpha']);
      expect(second.automations.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
      expect(errorCode(await list('{}', 101))).toBe('VALIDATION_FAILED');
    });

    it('loads nested owners, versions, model versions and history in a number of statements that does not grow with the page', async () => {
      for (let i = 0; i < 6; i++) await newVersion(await newAutomation(`batch-${i}`));
      const nested = `{ automations(first: $n, filter: { search: "batch-" }) { edges { node {
        owner { id } versions { automation { id } modelVersions { id model { id } } transitions { to } } } } } }`;
      const statements = async (n: number) => {
        const { response, statements } = await statementsOfRequest(t, auditor.key, nested.replace('$n', String(n)));
        expect(ok(response).automations.edges).toHaveLength(n);
        return statements;
      };
      expect(await statements(6)).toBe(await statements(2));
    });
  });
});

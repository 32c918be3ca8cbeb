import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { mintJwt } from '@attest/identity';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

describe('identity: principals, roles and API keys', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('lets the admin create a service principal, bind it and issue a key that then authenticates', async () => {
    const created = ok(
      await t.gql(
        t.adminKey,
        'mutation { createPrincipal(input: { kind: HUMAN, name: "dana", email: "dana@example.com" }) { id name kind email } }',
      ),
    );
    expect(created.createPrincipal).toMatchObject({ name: 'dana', kind: 'HUMAN', email: 'dana@example.com' });
    const id = created.createPrincipal.id;
    ok(await t.gql(t.adminKey, `mutation { bindRole(input: { principalId: "${id}", role: AUDITOR }) { role } }`));
    const issued = ok(
      await t.gql(
        t.adminKey,
        `mutation { issueApiKey(input: { principalId: "${id}", name: "laptop" }) { secret apiKey { id prefix revokedAt } } }`,
      ),
    );
    const { secret, apiKey } = issued.issueApiKey;
    expect(secret).toMatch(/^att_[A-Za-z0-9]{12}_/);
    expect(secret).toContain(apiKey.prefix);

    const me = ok(await t.gql(secret, '{ me { id name roles { role } } }'));
    expect(me.me).toEqual({ id, name: 'dana', roles: [{ role: 'AUDITOR' }] });
    const viaHeader = ok(await t.gql(undefined, '{ me { id } }', undefined, { 'x-api-key': secret }));
    expect(viaHeader.me.id).toBe(id);

    const keys = ok(await t.gql(t.adminKey, `{ apiKeys(principalId: "${id}") { id lastUsedAt } }`));
    expect(keys.apiKeys[0].lastUsedAt).not.toBeNull();
  });

  it('stops accepting a key once it is revoked, and refuses to revoke it twice', async () => {
    const auditor = await principalWithRole(t, 'auditor');
    const keys = ok(await t.gql(t.adminKey, `{ apiKeys(principalId: "${auditor.id}") { id } }`));
    const keyId = keys.apiKeys[0].id;
    ok(await t.gql(t.adminKey, `mutation { revokeApiKey(id: "${keyId}") { revokedAt } }`));
    expect(errorCode(await t.gql(auditor.key, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(t.adminKey, `mutation { revokeApiKey(id: "${keyId}") { id } }`))).toBe('CONFLICT');
  });

  it('rejects missing, malformed and unknown credentials with UNAUTHENTICATED', async () => {
    expect(errorCode(await t.gql(undefined, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('att_AAAAAAAAAAAA_nope-nope-nope-nope-nope', '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql('a.b.c', '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('accepts a signed JWT for a human and rejects one signed with another key', async () => {
    const me = ok(await t.gql(t.adminKey, '{ me { id } tenant { id } }'));
    const claims = { sub: me.me.id, tid: me.tenant.id };
    const token = mintJwt(claims, { secret: t.config.jwt.secret!, issuer: t.config.jwt.issuer, ttlSeconds: 60 });
    expect(ok(await t.gql(token, '{ me { id } }')).me.id).toBe(me.me.id);
    const forged = mintJwt(claims, { secret: 'x'.repeat(40), issuer: t.config.jwt.issuer, ttlSeconds: 60 });
    expect(errorCode(await t.gql(forged, '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a JWT that never expires, one that lives longer than ATTEST_JWT_MAX_LIFETIME_SECONDS, and one for a service', async () => {
    const me = ok(await t.gql(t.adminKey, '{ me { id } tenant { id } }'));
    const sign = (payload: object, options: jwt.SignOptions = {}) =>
      jwt.sign({ tid: me.tenant.id, ...payload }, t.config.jwt.secret!, {
        algorithm: 'HS256',
        issuer: t.config.jwt.issuer,
        subject: me.me.id,
        ...options,
      });
    const hour = 3600;
    expect(t.config.jwt.maxLifetimeSeconds).toBe(12 * hour);
    expect(ok(await t.gql(sign({}, { expiresIn: 12 * hour }), '{ me { id } }')).me.id).toBe(me.me.id);
    expect(errorCode(await t.gql(sign({}), '{ me { id } }'))).toBe('UNAUTHENTICATED'); // no exp
    expect(errorCode(await t.gql(sign({}, { expiresIn: 12 * hour + 60 }), '{ me { id } }'))).toBe('UNAUTHENTICATED');
    // An iat in the future does not buy a longer life: what is left of the token counts too.
    const now = Math.floor(Date.now() / 1000);
    expect(errorCode(await t.gql(sign({ iat: now + 24 * hour, exp: now + 30 * hour }), '{ me { id } }'))).toBe('UNAUTHENTICATED');

    const service = await principalWithRole(t, 'service', { automationId: await automationId() });
    const forService = jwt.sign({ tid: me.tenant.id }, t.config.jwt.secret!, {
      algorithm: 'HS256',
      issuer: t.config.jwt.issuer,
      subject: service.id,
      expiresIn: 60,
    });
    expect(ok(await t.gql(service.key, '{ me { id } }')).me.id).toBe(service.id);
    expect(errorCode(await t.gql(forService, '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  const automationId = async () =>
    ok(
      await t.gql(
        t.adminKey,
        `mutation { registerAutomation(input: { key: "jwt-${randomUUID().slice(0, 8)}", name: "JWT test" }) { id } }`,
      ),
    ).registerAutomation.id as string;

  it('refuses identity administration to non-admins with FORBIDDEN', async () => {
    for (const role of ['model_owner', 'compliance_officer', 'auditor']) {
      const p = await principalWithRole(t, role);
      expect(errorCode(await t.gql(p.key, 'mutation { createPrincipal(input: { kind: HUMAN, name: "x" }) { id } }'))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(p.key, `mutation { issueApiKey(input: { principalId: "${p.id}", name: "more" }) { secret } }`))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(p.key, `mutation { bindRole(input: { principalId: "${p.id}", role: ADMIN }) { id } }`))).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('validates input: bad email, blank name, service role without automation, past expiry', async () => {
    expect(
      errorCode(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: "e", email: "nope" }) { id } }')),
    ).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: " " }) { id } }'))).toBe(
      'VALIDATION_FAILED',
    );
    const svc = ok(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: SERVICE, name: "svc-a" }) { id } }')).createPrincipal
      .id;
    expect(errorCode(await t.gql(t.adminKey, `mutation { bindRole(input: { principalId: "${svc}", role: SERVICE }) { id } }`))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      errorCode(
        await t.gql(
          t.adminKey,
          `mutation { issueApiKey(input: { principalId: "${svc}", name: "k", expiresAt: "2001-01-01T00:00:00Z" }) { secret } }`,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: robot, name: "r" }) { id } }'))).toBe(
      'VALIDATION_FAILED',
    );
    const badVariable = await t.gql(t.adminKey, 'mutation($k: PrincipalKind!) { createPrincipal(input: { kind: $k, name: "v" }) { id } }', {
      k: 'robot',
    });
    expect(errorCode(badVariable)).toBe('VALIDATION_FAILED');
  });

  it('answers NOT_FOUND for unknown ids and CONFLICT for a duplicate name', async () => {
    expect(errorCode(await t.gql(t.adminKey, `{ principal(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
    expect(
      errorCode(await t.gql(t.adminKey, `mutation { issueApiKey(input: { principalId: "${randomUUID()}", name: "k" }) { secret } }`)),
    ).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(t.adminKey, `mutation { unbindRole(id: "${randomUUID()}") { id } }`))).toBe('NOT_FOUND');
    ok(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: "twin" }) { id } }'));
    expect(errorCode(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: "twin" }) { id } }'))).toBe(
      'CONFLICT',
    );
  });

  it('never lets the last admin be unbound', async () => {
    const bindings = ok(await t.gql(t.adminKey, '{ me { roles { id role } } }')).me.roles;
    const admin = bindings.find((b: { role: string }) => b.role === 'ADMIN');
    expect(errorCode(await t.gql(t.adminKey, `mutation { unbindRole(id: "${admin.id}") { id } }`))).toBe('CONFLICT');
  });

  it('shows email only to roles with field access', async () => {
    ok(await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: "erin", email: "erin@example.com" }) { id } }'));
    const owner = await principalWithRole(t, 'model_owner');
    const auditor = await principalWithRole(t, 'auditor');
    const query = '{ principals(filter: { search: "erin" }) { edges { node { name email } } } }';
    expect(ok(await t.gql(owner.key, query)).principals.edges[0].node).toEqual({ name: 'erin', email: null });
    expect(ok(await t.gql(auditor.key, query)).principals.edges[0].node).toEqual({ name: 'erin', email: 'erin@example.com' });
  });

  it('echoes x-correlation-id and stores it with the audit event', async () => {
    const res = await t.gql(t.adminKey, 'mutation { createPrincipal(input: { kind: HUMAN, name: "corr" }) { id } }', undefined, {
      'x-correlation-id': 'req-42',
    });
    expect(res.headers['x-correlation-id']).toBe('req-42');
    const events = ok(
      await t.gql(t.adminKey, '{ auditEvents(filter: { correlationId: "req-42" }) { edges { node { action subjectId actorId } } } }'),
    );
    expect(events.auditEvents.edges).toEqual([
      { node: expect.objectContaining({ action: 'principal.created', subjectId: ok(res).createPrincipal.id }) },
    ]);
    const generated = await t.gql(t.adminKey, '{ me { id } }');
    expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import request from 'supertest';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider';
import { withClient } from './support/test-database';
import { ok, startTestApp, type TestApp } from './support/test-app';
import { gqlWithSession } from './support/browser-session';

const ATTEST = 'http://attest.test';

/**
 * What a browser does from "Sign in with …" to the console: follows redirects from Attest to the
 * provider and back, keeping each host's cookies, until Attest sends it to a page of the console
 * (anything outside /auth). `rewrite` lets a test alter a URL in flight (an attacker's callback).
 */
async function signInThroughProvider(t: TestApp, returnTo: string, rewrite: (url: URL) => URL = (u) => u) {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: URL) => [...(jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (url: URL, setCookies: string[]) => {
    const cookies = jar.get(url.host) ?? new Map<string, string>();
    for (const cookie of setCookies) {
      const [pair, ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) cookies.delete(pair.slice(0, at).trim());
      else cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    jar.set(url.host, cookies);
  };
  let url = new URL(`/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, ATTEST);
  for (let hop = 0; hop < 20; hop++) {
    let status: number;
    let location: string | undefined;
    if (url.origin === ATTEST) {
      const res = await request(t.app.getHttpServer()).get(`${url.pathname}${url.search}`).set('cookie', cookieHeader(url));
      keep(url, ([] as string[]).concat(res.headers['set-cookie'] ?? []));
      [status, location] = [res.status, res.headers.location];
    } else {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader(url) } });
      keep(url, res.headers.getSetCookie());
      [status, location] = [res.status, res.headers.get('location') ?? undefined];
    }
    if (![302, 303].includes(status) || !location) throw new Error(`${url.href} answered ${status}, not a redirect`);
    url = rewrite(new URL(location, url));
    if (url.origin === ATTEST && !url.pathname.startsWith('/auth/')) {
      return { landedOn: `${url.pathname}${url.search}`, session: jar.get(new URL(ATTEST).host)?.get('attest_session') };
    }
  }
  throw new Error('Too many redirects');
}

describe('sign-in through an OpenID Connect provider', () => {
  let provider: TestOidcProvider;
  let t: TestApp;
  beforeAll(async () => {
    provider = await startOidcProvider({ redirectUris: [`${ATTEST}/auth/oidc/callback`] });
    t = await startTestApp(provider.env(ATTEST));
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const sql = (text: string, params: unknown[] = []) => withClient(t.databaseUrl, (c) => c.query(text, params));
  const ME = '{ me { id name email kind roles { role } } }';

  it('offers the provider on the sign-in page', async () => {
    const options = await request(t.app.getHttpServer()).get('/auth/options');
    expect(options.body).toEqual({ oidc: { enabled: true, label: 'Test IdP' } });
  });

  it('creates the principal on the first sign-in with the role of the claim, and brings it in line on the next', async () => {
    provider.signInAs({ sub: 'carol-123', name: 'Carol Jones', email: 'carol@idp.example', attest_roles: ['compliance_officer'] });
    const first = await signInThroughProvider(t, '/decisions?status=pending');
    expect(first.landedOn).toBe('/decisions?status=pending');
    expect(first.session).toBeDefined();
    const me = (await gqlWithSession(t.app, first.session!, ME)).data!.me;
    expect(me).toMatchObject({ name: 'Carol Jones', email: 'carol@idp.example', kind: 'HUMAN', roles: [{ role: 'COMPLIANCE_OFFICER' }] });
    const created = await sql(`SELECT action, correlation_id FROM audit_events WHERE actor_id = $1 ORDER BY occurred_at, action`, [me.id]);
    expect(created.rows.map((r) => r.action).sort()).toEqual(['principal.created', 'role.bound', 'session.signed_in']);
    expect(new Set(created.rows.map((r) => r.correlation_id)).size).toBe(1); // one request, one transaction

    provider.signInAs({ sub: 'carol-123', name: 'Carol Smith', email: 'carol@idp.example', attest_roles: 'auditor' });
    const second = await signInThroughProvider(t, '/');
    const again = (await gqlWithSession(t.app, second.session!, ME)).data!.me;
    expect(again).toMatchObject({ id: me.id, name: 'Carol Smith', roles: [{ role: 'AUDITOR' }] });
    const updated = await sql(`SELECT action FROM audit_events WHERE actor_id = $1 AND correlation_id <> $2`, [
      me.id,
      created.rows[0].correlation_id,
    ]);
    expect(updated.rows.map((r) => r.action).sort()).toEqual(['principal.updated', 'role.bound', 'role.unbound', 'session.signed_in']);
    // The first session still works: a role change applies to it at once (grants are read per request).
    expect((await gqlWithSession(t.app, first.session!, ME)).data!.me.roles).toEqual([{ role: 'AUDITOR' }]);
  });

  it('refuses a person whose claim names no Attest role, and creates nothing', async () => {
    provider.signInAs({ sub: 'mallory-1', name: 'Mallory', attest_roles: ['superuser', 'service'] });
    const refused = await signInThroughProvider(t, '/');
    expect(refused).toEqual({ landedOn: '/sign-in?error=NO_ROLE', session: undefined });
    expect((await sql(`SELECT id FROM principals WHERE oidc_subject = 'mallory-1' OR name = 'Mallory'`)).rows).toEqual([]);
    const failed = await sql(
      `SELECT after->>'reason' AS reason, actor_id FROM audit_events WHERE action = 'sign_in.failed' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(failed.rows).toEqual([{ reason: 'NO_ROLE', actor_id: null }]);
  });

  it('refuses a callback whose state was tampered with', async () => {
    provider.signInAs({ sub: 'carol-123', name: 'Carol Smith', attest_roles: ['auditor'] });
    const tampered = await signInThroughProvider(t, '/', (url) => {
      if (url.pathname === '/auth/oidc/callback') url.searchParams.set('state', 'forged-state');
      return url;
    });
    expect(tampered).toEqual({ landedOn: '/sign-in?error=STATE_MISMATCH', session: undefined });
  });

  it('returns only to a path of its own origin', async () => {
    provider.signInAs({ sub: 'carol-123', name: 'Carol Smith', attest_roles: ['auditor'] });
    expect((await signInThroughProvider(t, '//evil.example/x')).landedOn).toBe('/');
    expect((await signInThroughProvider(t, 'https://evil.example/')).landedOn).toBe('/');
  });

  it("keeps the tenant's last admin when the claim drops the role, as unbindRole does", async () => {
    provider.signInAs({ sub: 'root-1', name: 'Root', attest_roles: ['admin'] });
    const { session } = await signInThroughProvider(t, '/');
    const root = (await gqlWithSession(t.app, session!, '{ me { id } }')).data!.me;
    // The bootstrap admin steps down: the provider's admin is the only one left.
    const bootstrap = ok(await t.gql(t.adminKey, '{ me { id roles { id role } } }')).me;
    ok(await t.gql(t.adminKey, 'mutation($id: ID!) { unbindRole(id: $id) { id } }', { id: bootstrap.roles[0].id }));
    provider.signInAs({ sub: 'root-1', name: 'Root', attest_roles: ['auditor'] });
    expect(await signInThroughProvider(t, '/')).toEqual({ landedOn: '/sign-in?error=LAST_ADMIN', session: undefined });
    const roles = await sql(`SELECT role FROM role_bindings WHERE principal_id = $1`, [root.id]);
    expect(roles.rows).toEqual([{ role: 'admin' }]);
  });

  it('starts without its provider, and fails the sign-in clearly until the provider answers', async () => {
    const unreachable = await startTestApp({ ...provider.env(ATTEST), ATTEST_OIDC_ISSUER: 'http://127.0.0.1:9/' });
    try {
      const res = await request(unreachable.app.getHttpServer()).get('/auth/oidc/start');
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/sign-in?error=PROVIDER_UNAVAILABLE');
    } finally {
      await unreachable.close();
    }
  });
});

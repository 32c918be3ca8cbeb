import request from 'supertest';
import { withClient } from './support/test-database';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { cookieValue, gqlWithSession, linkToken, setCookieOf, signInWithLink } from './support/browser-session';

const ISSUE = 'mutation($p: ID!) { issueSignInLink(principalId: $p) { id url expiresAt principalId } }';

/** Human sign-in by one-time link, and the session it gives, through HTTP as the console's browser would. */
describe('sign-in links and sessions', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ ATTEST_PUBLIC_URL: 'http://console.test', ATTEST_TRUST_PROXY: 'loopback' })));
  afterAll(() => t?.close());

  const sql = (text: string, params: unknown[] = []) => withClient(t.databaseUrl, (c) => c.query(text, params));

  async function link(principalId?: string): Promise<{ url: string; id: string; principalId: string }> {
    const target = principalId ?? (await principalWithRole(t, 'compliance_officer')).id;
    return ok(await t.gql(t.adminKey, ISSUE, { p: target })).issueSignInLink;
  }

  it('signs in with a link: the cookie alone then authenticates GraphQL as that principal, with its roles', async () => {
    const officer = await principalWithRole(t, 'compliance_officer');
    const issued = await link(officer.id);
    expect(issued.url).toMatch(/^http:\/\/console\.test\/sign-in\/link#[A-Za-z0-9_-]{43}$/);
    const { res, session } = await signInWithLink(t.app, issued.url);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(session).toBeDefined();
    const me = await gqlWithSession(t.app, session!, '{ me { id roles { role } } }');
    expect(me.data?.me).toEqual({ id: officer.id, roles: [{ role: 'COMPLIANCE_OFFICER' }] });
    // The same ability as the principal's API key: a compliance officer may not issue keys.
    const denied = await gqlWithSession(t.app, session!, ISSUE, { p: officer.id });
    expect(denied.code).toBe('FORBIDDEN');
    // Only the hash is stored.
    const { rows } = await sql('SELECT token_hash FROM sign_in_links WHERE id = $1', [issued.id]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(linkToken(issued.url));
    const audit = ok(await t.gql(t.adminKey, `{ auditEvents(filter: { actorId: "${officer.id}" }) { edges { node { action } } } }`));
    expect(audit.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toContain('session.signed_in');
  });

  it('refuses the same link the second time, an unknown one and an expired one, with one message', async () => {
    const issued = await link();
    expect((await signInWithLink(t.app, issued.url)).res.status).toBe(204);
    const again = await signInWithLink(t.app, issued.url);
    expect(again.res.status).toBe(401);
    expect(again.session).toBeUndefined();
    expect(again.res.body).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });

    const unknown = await signInWithLink(t.app, 'http://console.test/sign-in/link#not-a-real-token');
    expect(unknown.res.status).toBe(401);
    expect(unknown.res.body.message).toBe(again.res.body.message);

    const expiring = await link();
    await sql(`UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    const expired = await signInWithLink(t.app, expiring.url);
    expect(expired.res.status).toBe(401);
    expect(expired.res.body.message).toBe(again.res.body.message);

    const { rows } = await sql(
      `SELECT subject_id, after->>'reason' AS reason, actor_id FROM audit_events WHERE action = 'sign_in.failed' AND subject_id = ANY($1) ORDER BY occurred_at`,
      [[issued.id, expiring.id]],
    );
    expect(rows).toEqual([
      { subject_id: issued.id, reason: 'used', actor_id: null },
      { subject_id: expiring.id, reason: 'expired', actor_id: null },
    ]);
  });

  it('consumes a link once even when two requests race with it', async () => {
    const issued = await link();
    const both = await Promise.all([signInWithLink(t.app, issued.url), signInWithLink(t.app, issued.url)]);
    expect(both.map((b) => b.res.status).sort()).toEqual([204, 401]);
  });

  it('ends the session at sign-out: the old cookie is refused afterwards and the cookie is cleared', async () => {
    const { session } = await signInWithLink(t.app, (await link()).url);
    expect((await gqlWithSession(t.app, session!, '{ me { id } }')).data?.me.id).toBeDefined();
    const out = await request(t.app.getHttpServer())
      .post('/auth/sign-out')
      .set('content-type', 'application/json')
      .set('cookie', `attest_session=${session}`)
      .send({});
    expect(out.status).toBe(204);
    expect(setCookieOf(out.headers, 'attest_session')).toMatch(/^attest_session=; .*Max-Age=0/);
    const after = await gqlWithSession(t.app, session!, '{ me { id } }');
    expect(after.status).toBe(401);
    expect(after.code).toBe('UNAUTHENTICATED');
  });

  it('expires a session after the idle timeout and after the absolute lifetime, and touches last_seen_at at most once a minute', async () => {
    const idle = await signInWithLink(t.app, (await link()).url);
    const absolute = await signInWithLink(t.app, (await link()).url);
    const byToken = `token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`;
    const lastSeen = async (token: string) =>
      (await sql(`SELECT last_seen_at FROM sessions WHERE ${byToken}`, [token])).rows[0].last_seen_at;

    const seen = await lastSeen(idle.session!);
    expect((await gqlWithSession(t.app, idle.session!, '{ me { id } }')).data).not.toBeNull();
    expect(await lastSeen(idle.session!)).toEqual(seen); // within the minute: no write
    await sql(`UPDATE sessions SET last_seen_at = now() - interval '10 minutes' WHERE ${byToken}`, [idle.session]);
    expect((await gqlWithSession(t.app, idle.session!, '{ me { id } }')).data).not.toBeNull();
    expect((await lastSeen(idle.session!)).getTime()).toBeGreaterThan(Date.now() - 60_000); // touched

    await sql(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE ${byToken}`, [idle.session]);
    expect((await gqlWithSession(t.app, idle.session!, '{ me { id } }')).code).toBe('UNAUTHENTICATED');

    // Active all along (last seen now), but started more than ATTEST_SESSION_MAX_HOURS (12) ago.
    await sql(`UPDATE sessions SET created_at = now() - interval '12 hours 1 minute' WHERE ${byToken}`, [absolute.session]);
    expect((await gqlWithSession(t.app, absolute.session!, '{ me { id } }')).code).toBe('UNAUTHENTICATED');
  });

  it('sets the cookie HttpOnly, SameSite=Lax and Path=/, Secure only over TLS (X-Forwarded-Proto from a trusted proxy)', async () => {
    const plain = await signInWithLink(t.app, (await link()).url);
    const cookie = setCookieOf(plain.res.headers, 'attest_session')!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);

    const proxied = await request(t.app.getHttpServer())
      .post('/auth/link')
      .set('content-type', 'application/json')
      .set('x-forwarded-proto', 'https')
      .send({ token: linkToken((await link()).url) });
    expect(proxied.status).toBe(204);
    expect(setCookieOf(proxied.headers, 'attest_session')).toMatch(/; Secure/);
  });

  it('refuses cross-site requests to /auth: a body that is not JSON, and another Origin', async () => {
    const issued = await link();
    const form = await request(t.app.getHttpServer())
      .post('/auth/link')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send(`token=${linkToken(issued.url)}`);
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('VALIDATION_FAILED');
    const text = await request(t.app.getHttpServer()).post('/auth/sign-out').set('content-type', 'text/plain').send('{}');
    expect(text.status).toBe(415);
    const foreign = await request(t.app.getHttpServer())
      .post('/auth/link')
      .set('content-type', 'application/json')
      .set('origin', 'https://evil.example')
      .send({ token: linkToken(issued.url) });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
    // Neither refusal consumed the link; the public origin is accepted.
    const own = await request(t.app.getHttpServer())
      .post('/auth/link')
      .set('content-type', 'application/json')
      .set('origin', 'http://console.test')
      .send({ token: linkToken(issued.url) });
    expect(own.status).toBe(204);
    // Apollo's CSRF prevention still holds for /graphql with a cookie: a simple GET without its header is refused.
    const session = cookieValue(own.headers, 'attest_session')!;
    const get = await request(t.app.getHttpServer()).get('/graphql?query=%7Bme%7Bid%7D%7D').set('cookie', `attest_session=${session}`);
    expect(get.status).toBe(400);
  });

  it('refuses the session of a principal disabled since it signed in', async () => {
    const person = await principalWithRole(t, 'auditor');
    const { session } = await signInWithLink(t.app, (await link(person.id)).url);
    expect((await gqlWithSession(t.app, session!, '{ me { id } }')).data?.me.id).toBe(person.id);
    await sql('UPDATE principals SET disabled_at = now() WHERE id = $1', [person.id]);
    expect((await gqlWithSession(t.app, session!, '{ me { id } }')).code).toBe('UNAUTHENTICATED');
  });

  it('gives no link to a service principal, and lets only admins issue links', async () => {
    const service = await principalWithRole(t, 'lineage_producer');
    expect(errorCode(await t.gql(t.adminKey, ISSUE, { p: service.id }))).toBe('VALIDATION_FAILED');
    const officer = await principalWithRole(t, 'compliance_officer');
    expect(errorCode(await t.gql(officer.key, ISSUE, { p: officer.id }))).toBe('FORBIDDEN');
  });

  it('authenticates a guarded REST route with the cookie as well (POST /api/v1/lineage)', async () => {
    const admin = ok(await t.gql(t.adminKey, '{ me { id } }')).me;
    const { session } = await signInWithLink(t.app, (await link(admin.id)).url);
    const post = (cookie?: string) => {
      const req = request(t.app.getHttpServer()).post('/api/v1/lineage').set('content-type', 'application/json');
      if (cookie) req.set('cookie', `attest_session=${cookie}`);
      return req.send({ not: 'a run event' });
    };
    expect((await post()).status).toBe(401);
    // Authenticated (as the admin, who may send lineage): now the body is what is refused.
    const withSession = await post(session);
    expect(withSession.status).toBe(400);
    expect(withSession.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it('prefers a header credential to the cookie, and tells the sign-in page which methods exist', async () => {
    const { session } = await signInWithLink(t.app, (await link()).url);
    const res = await t.gql(t.adminKey, '{ me { name } }', undefined, { cookie: `attest_session=${session}` });
    expect(ok(res).me.name).toBe('admin');
    const options = await request(t.app.getHttpServer()).get('/auth/options');
    expect(options.status).toBe(200);
    expect(options.body).toEqual({ oidc: { enabled: false, label: '' } });
  });

  it('limits sign-in attempts per client address: over the budget, 429 with Retry-After, and the link is not consumed', async () => {
    const limited = await startTestApp({ ATTEST_RATE_LIMIT_SIGN_IN_PER_MINUTE: '2' });
    try {
      const person = await principalWithRole(limited, 'auditor');
      const issued = ok(await limited.gql(limited.adminKey, ISSUE, { p: person.id })).issueSignInLink;
      const post = (token: string) =>
        request(limited.app.getHttpServer()).post('/auth/link').set('content-type', 'application/json').send({ token });
      expect((await post('guess-1')).status).toBe(401);
      expect((await post('guess-2')).status).toBe(401);
      const refused = await post(linkToken(issued.url));
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.body.code).toBe('RATE_LIMITED');
      const { rows } = await withClient(limited.databaseUrl, (c) =>
        c.query('SELECT used_at FROM sign_in_links WHERE id = $1', [issued.id]),
      );
      expect(rows[0].used_at).toBeNull();
    } finally {
      await limited.close();
    }
  });
});

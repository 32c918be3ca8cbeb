import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

/** The `name=value` of a Set-Cookie header of a response, or undefined. */
export function setCookieOf(headers: Record<string, unknown>, name: string): string | undefined {
  const all = ([] as string[]).concat((headers['set-cookie'] as string[] | string | undefined) ?? []);
  return all.find((c) => c.startsWith(`${name}=`));
}

/** The value of a cookie set by a response (what a browser would send back), or undefined. */
export function cookieValue(headers: Record<string, unknown>, name: string): string | undefined {
  const cookie = setCookieOf(headers, name);
  return cookie ? decodeURIComponent(cookie.slice(name.length + 1).split(';')[0]) : undefined;
}

/** The token of a sign-in link: what follows `#`, as the console reads it from the fragment. */
export function linkToken(url: string): string {
  return new URL(url).hash.slice(1);
}

/** What a browser does with a sign-in link: POST its token to /auth/link as JSON; the session cookie, if any. */
export async function signInWithLink(app: INestApplication, url: string) {
  const res = await request(app.getHttpServer())
    .post('/auth/link')
    .set('content-type', 'application/json')
    .send({ token: linkToken(url) });
  return { res, session: cookieValue(res.headers, 'attest_session') };
}

/** A GraphQL request as the console sends it: the session cookie only (and Apollo's CSRF header). */
export async function gqlWithSession(app: INestApplication, session: string, query: string, variables?: Record<string, unknown>) {
  const res = await request(app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('cookie', `attest_session=${encodeURIComponent(session)}`)
    .send({ query, variables });
  return {
    status: res.status,
    data: res.body.data ?? null,
    code: res.body.errors?.[0]?.extensions?.code as string | undefined,
    errors: res.body.errors,
  };
}

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CONSOLE_DIST, startConsoleServer, type ConsoleServer } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

// The API serves the built console at / on its own port (docs/console.md, "How it runs").
describe('console serving', () => {
  let server: ConsoleServer;
  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  beforeAll(async () => {
    server = await startConsoleServer();
  });
  afterAll(() => server?.close());

  it('answers / with the console page, never cached, under a CSP without inline scripts', async () => {
    const res = await fetch(`${server.url}/`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await res.text();
    expect(body).toContain('<div id="root">');
    // No inline script: every <script> has a src.
    expect(body.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('serves hashed assets for a year and answers a missing one 404, not with the page', async () => {
    const asset = readdirSync(join(CONSOLE_DIST, 'assets')).find((name) => name.endsWith('.js'));
    const res = await fetch(`${server.url}/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/assets/missing-0000.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/missing-0000.js`, { headers: html })).status).toBe(404);
  });

  it('answers any page address a browser opens with the console, and leaves API routes and API clients alone', async () => {
    const page = await fetch(`${server.url}/decisions/3f1c2a9e?status=RECORDED`, { headers: html });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // A client that does not ask for HTML gets the API's 404, not a page.
    expect((await fetch(`${server.url}/no-such-route`, { headers: { accept: 'application/json' } })).status).toBe(404);
    const health = await fetch(`${server.url}/health`, { headers: html });
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    const gql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.t.adminKey}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(((await gql.json()) as any).data.me.name).toBeTruthy();
  });

  it('sends a browser that opens /graphql to the API explorer instead of a CSRF error', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: html, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explorer');
    // A GET query keeps reaching Apollo (which asks for its CSRF-prevention header).
    const query = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: html, redirect: 'manual' });
    expect(query.status).not.toBe(302);
  });
});

describe('console serving before the console is built', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ATTEST_CONSOLE_DIR: mkdtempSync(join(tmpdir(), 'attest-no-console-')) });
  });
  afterAll(() => t?.close());

  it('answers / with a page saying how to build it, and the API keeps working', async () => {
    const res = await request(t.app.getHttpServer()).get('/').set('accept', 'text/html');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toContain('npm run console:build');
    expect((await request(t.app.getHttpServer()).get('/health')).status).toBe(200);
  });
});

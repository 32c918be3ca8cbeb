import type { Browser } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  screenshot,
  signInAs,
  signInLink,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';
import { principalWithRole } from '../support/test-app';

// A person's session in the console: a one-time link signs in once, sign-out ends the session.
describeInBrowser('console sessions', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with a one-time link, and refuses the same link the second time, in words', async () => {
    const officer = await principalWithRole(server.t, 'compliance_officer', { name: 'Lina Link' });
    const url = await signInLink(server, officer);
    const token = new URL(url).hash.slice(1);

    const first = await openConsole(browser, server.url, `/sign-in/link#${token}`);
    await first.page.waitForURL((u) => u.pathname === '/');
    await first.page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await first.page.getByTestId('principal').innerText()).toContain('Lina Link');
    const cookies = await first.context.cookies();
    const session = cookies.find((c) => c.name === 'attest_session');
    expect(session?.httpOnly).toBe(true);
    expect(first.problems).toEqual([]);
    await first.context.close();

    const second = await openConsole(browser, server.url, `/sign-in/link#${token}`);
    const refusal = second.page.getByTestId('api-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('UNAUTHENTICATED');
    expect(second.page.url()).not.toContain(token);
    await expectAccessible(second.page);
    await screenshot(second.page, 'sign-in-link-refused');
    await second.context.close();
  });

  it('ends the session on sign-out: the console goes to sign-in and the API refuses the old cookie', async () => {
    const officer = await principalWithRole(server.t, 'compliance_officer', { name: 'Otto Out' });
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'attest_session');
    expect(cookie).toBeDefined();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/sign-in');

    // The old cookie, replayed by hand as a stolen one would be, no longer authenticates.
    const replay = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `attest_session=${cookie!.value}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = (await replay.json()) as any;
    expect(body.data?.me).toBeFalsy();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    await page.goto('/');
    await page.waitForURL((u) => u.pathname === '/sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  screenshot,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';

// Journeys without a session: what an anonymous visitor meets (docs/console.md, "Tests").
describeInBrowser('console sign-in (anonymous)', () => {
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

  it('sends an anonymous visitor of the overview to sign-in, on an accessible page', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Attest' }).waitFor();
    await page.getByText('With a one-time sign-in link').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('remembers the page asked for, to return to it after sign-in', async () => {
    const { page, context } = await openConsole(browser, server.url, '/explorer?tab=docs');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/explorer?tab=docs');
    await context.close();
  });

  it('states a failed sign-in in words, with its code', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in?error=STATE_MISMATCH');
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('started in another window');
    expect(await alert.innerText()).toContain('STATE_MISMATCH');
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a sign-in link the server does not accept, in place, and takes the token out of the address', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in/link#not-a-valid-token');
    const alert = page.getByTestId('api-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Code');
    expect(new URL(page.url()).hash).toBe('');
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

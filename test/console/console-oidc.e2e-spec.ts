import type { Browser } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  freePort,
  launchBrowser,
  openConsole,
  screenshot,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

// Single sign-on in a real browser against a real OpenID Connect provider started here: the role
// comes from the provider's claim, and a refusal comes back to the sign-in page in words.
describeInBrowser('console sign-in through OpenID Connect', () => {
  let provider: TestOidcProvider;
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    // The provider must know the console's callback before the console starts: its port is chosen first.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUris: [`${origin}/auth/oidc/callback`] });
    server = await startConsoleServer(provider.env(origin), { port });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it('signs a compliance officer in with the provider, the role mapped from its claim, back on the page asked for', async () => {
    provider.signInAs({ sub: 'carol-123', name: 'Carol Jones', email: 'carol@idp.example', attest_roles: ['compliance_officer'] });
    const { page, context, problems } = await openConsole(browser, server.url, '/explorer');
    await page.waitForURL((u) => u.pathname === '/sign-in');
    const button = page.getByRole('link', { name: 'Sign in with Test IdP' });
    await button.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'sign-in-oidc');

    await button.click();
    await page.waitForURL((u) => u.origin === server.url && u.pathname === '/explorer');
    const principal = page.getByTestId('principal');
    await principal.waitFor();
    expect(await principal.innerText()).toContain('Carol Jones');
    expect(await principal.innerText()).toMatch(/compliance officer/i);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('comes back to the sign-in page with the reason when the provider gives no Attest role', async () => {
    provider.signInAs({ sub: 'dave-456', name: 'Dave Nobody', attest_roles: [] });
    const { page, context } = await openConsole(browser, server.url, '/sign-in');
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.waitForURL((u) => u.origin === server.url && u.pathname === '/sign-in' && u.searchParams.has('error'));
    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('NO_ROLE');
    expect(await alert.innerText()).toContain('no Attest role');
    await context.close();
  });
});

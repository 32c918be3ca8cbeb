import type { Browser } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  screenshot,
  signInAs,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';
import { principalWithRole } from '../support/test-app';
import { until } from '../support/until';

// The API explorer: GraphiQL bundled with the console, signed in as the person using it.
describeInBrowser('console API explorer', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let engineer: { id: string; key: string };

  beforeAll(async () => {
    server = await startConsoleServer();
    engineer = await principalWithRole(server.t, 'compliance_officer', { name: 'Ines Integrator' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from GET /graphql in the address bar, with example operations, and runs one as the signed-in person', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, engineer);
    await page.goto('/graphql');
    await page.waitForURL((url) => url.pathname === '/explorer');
    await page.locator('.graphiql-container').waitFor();

    // The three examples are tabs, the first one open.
    const tabs = page.locator('.graphiql-tab');
    await tabs.nth(2).waitFor();
    expect(await tabs.allInnerTexts()).toEqual(['RecordDecision', 'FindDecisions', 'VerifyLedger']);
    await page.locator('.graphiql-query-editor').getByText('recordDecision', { exact: false }).first().waitFor();

    await tabs.nth(2).click();
    // The editor shows the tab's operation before it runs (GraphiQL takes the operation name from it).
    await page.locator('.graphiql-query-editor').getByText('verifyLedger', { exact: false }).first().waitFor();
    const response = page.locator('.result-window');
    // GraphiQL takes the tab's operation name a moment after the switch (a run before it names the
    // previous tab's operation): run again until the answer is the ledger's.
    await until(
      async () => {
        await page.getByRole('button', { name: /Execute query/ }).click();
        await page.waitForTimeout(500);
        return (await response.innerText()).includes('"leavesChecked"');
      },
      'the VerifyLedger example to run',
      60_000,
    );
    // Monaco lays text out with non-breaking spaces.
    expect((await response.innerText()).replace(/\s+/g, ' ')).toMatch(/"verifyLedger": \{ "ok": true/);

    // GraphiQL 5 draws each tab's close button inside the tab button (nested-interactive): its markup, not ours.
    await expectAccessible(page, { exclude: ['.graphiql-tabs'] });
    await screenshot(page, 'api-explorer');
    expect(problems).toEqual([]);
    await context.close();
  });
});

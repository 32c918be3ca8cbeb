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
import { automationFixture, decisionInput, RECORD } from '../support/decision-fixtures';
import { ok, principalWithRole } from '../support/test-app';

// The overview as the people who use it: a compliance officer, and an auditor who reviews nothing.
describeInBrowser('console overview', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };

  beforeAll(async () => {
    server = await startConsoleServer();
    const { t } = server;
    const high = await automationFixture(t, { riskClass: 'HIGH', oversightMode: 'REQUIRED', environment: 'PRODUCTION' });
    const minimal = await automationFixture(t, { riskClass: 'MINIMAL' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted for the console test") { digest } }'));
    for (const f of [high, high, minimal, minimal, minimal]) ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) }));
    officer = await principalWithRole(t, 'compliance_officer', { name: 'Olivia Officer' });
    auditor = await principalWithRole(t, 'auditor', { name: 'Arne Auditor' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a compliance officer the inventory, the decisions per day, the reviews waiting, the pack and the ledger', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.getByTestId('principal').innerText()).toContain('Olivia Officer');
    expect(await page.getByTestId('principal').innerText()).toMatch(/compliance officer/i);

    const decisions = page.getByTestId('decisions-per-day');
    await decisions.locator('figcaption').waitFor();
    const caption = await decisions.locator('figcaption').innerText();
    const counted = [...caption.matchAll(/(Recorded|Pending review|Blocked): (\d+)/g)].reduce((sum, m) => sum + Number(m[2]), 0);
    expect(counted).toBe(5);

    const reviews = await server.t.gql(officer.key, '{ reviewQueue(first: 100) { edges { node { waitingSeconds } } } }');
    await page.getByTestId('reviews-waiting-count').waitFor();
    expect(await page.getByTestId('reviews-waiting-count').innerText()).toBe(String(ok(reviews).reviewQueue.edges.length));
    expect(await page.getByTestId('inventory').innerText()).toMatch(/\d+ datasets/);

    const inventory = page.getByTestId('inventory');
    await inventory.getByRole('table', { name: 'Automation versions by EU AI Act risk class' }).waitFor();
    expect(await inventory.innerText()).toContain('2 automations');
    const highRow = inventory.getByRole('row', { name: /^high/i });
    expect(await highRow.innerText()).toMatch(/high\s+1/i);

    const pack = page.getByTestId('policy-pack');
    await pack.getByText('default', { exact: true }).waitFor();
    const { activePolicyPack } = ok(await server.t.gql(officer.key, '{ activePolicyPack { digest } }'));
    expect(await pack.locator('code').getAttribute('title')).toBe(activePolicyPack.digest);

    await page.getByTestId('ledger').getByText('Latest signed checkpoint').waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the overview accessible in the dark theme, and opens the next page with its keyboard shortcut', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in', { colorScheme: 'dark' });
    await signInAs(page, server, officer);
    await page.getByTestId('policy-pack').getByText('default', { exact: true }).waitFor();
    await page.getByTestId('decisions-per-day').locator('figcaption').waitFor();
    expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await expectAccessible(page);
    await screenshot(page, 'overview-dark');

    await page.keyboard.press('Alt+3');
    await page.waitForURL((url) => url.pathname === '/decisions');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hides the review backlog from an auditor, who may not review', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, auditor);
    await page.getByTestId('inventory').getByRole('table').first().waitFor();
    await page.getByTestId('ledger').getByText('Latest signed checkpoint').waitFor();
    expect(await page.getByTestId('reviews-waiting').count()).toBe(0);
    expect(
      await page
        .getByRole('navigation')
        .getByRole('link', { name: /^Review queue/ })
        .count(),
    ).toBe(0);
    expect(await page.getByTestId('principal').innerText()).toMatch(/\bauditor\b/i);
    expect(problems).toEqual([]);
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { seedDemo, type DemoTenant } from '../../apps/cli/src/demo/demo-seed';
import { sealAll } from '../support/ledger';
import { ok } from '../support/test-app';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  screenshot,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';

// docs/console.md's walkthrough, as the demo tenant's compliance officer (carol) does it after
// `attest seed --demo`: her printed one-time link, then every page on the demo's own data. Each page
// is checked with axe; with ATTEST_SCREENSHOTS=1 this is where docs/console/*.png come from.
describeInBrowser("the demo tenant, as its compliance officer (docs/console.md's walkthrough)", () => {
  let server: ConsoleServer;
  let browser: Browser;
  let demo: DemoTenant;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    demo = await seedDemo(async (key, query, variables) => ok(await server.t.gql(key, query, variables)), server.t.adminKey);
    await sealAll(server.t);
    const carol = demo.signInLinks.find((link) => link.name === 'carol');
    expect(carol?.role).toBe('compliance_officer');
    ({ page, problems } = await openConsole(browser, server.url, `/sign-in/link#${new URL(carol!.url).hash.slice(1)}`));
    page.setDefaultTimeout(60_000);
    await page.waitForURL((url) => url.pathname === '/');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => expect(problems).toEqual([]));

  it('opens the overview on the demo: its inventory, decisions per day, reviews waiting, pack and ledger', async () => {
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByTestId('policy-pack').getByText('default', { exact: true }).waitFor();
    await page.getByTestId('decisions-per-day').locator('figcaption').waitFor();
    await page.getByTestId('ledger').getByText('Latest signed checkpoint').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'overview');
  });

  it("finds the demo's models and opens the deployed high-risk one", async () => {
    await page.goto('/inventory/models');
    const table = page.getByRole('table', { name: 'models' });
    await table.getByRole('link', { name: 'claim-severity' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'inventory-models');
    await table.getByRole('link', { name: 'claim-severity' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/inventory/models/'));
    // The deployed version (1.0.0, the demo's first), with its whole model card.
    await page.goto(`${new URL(page.url()).pathname}?version=${demo.modelVersionIds[0]}`);
    await page.getByRole('heading', { name: 'Version 1.0.0' }).waitFor();
    await page.getByText('Rank new motor claims by expected severity', { exact: false }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'inventory-model-detail');
  });

  it("lists the demo's decisions and opens one, its trace explained and its seal verified in the browser", async () => {
    await page.goto('/decisions');
    await page.getByRole('table').getByRole('row').nth(demo.decisions.length).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'decisions');
    const decision = demo.decisions.find((d) => d.status === 'pending_review') ?? demo.decisions[0];
    await page.goto(`/decisions/${decision.id}`);
    await page.getByTestId('seal-result').filter({ hasText: 'Verified' }).waitFor();
    expect(await page.getByTestId('seal-result').textContent()).not.toContain('Not verified');
    await expectAccessible(page);
    await screenshot(page, 'decision-detail');
  });

  it("reads the demo's audit trail, each change with its seal", async () => {
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await page.getByRole('table', { name: 'Audit events' }).locator('tbody tr').nth(5).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-trail');
  });
});

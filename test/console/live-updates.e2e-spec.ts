import type { Browser } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  signInAs,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from '../support/decision-fixtures';
import { ok, principalWithRole } from '../support/test-app';

// Live updates (docs/console.md "Live updates"): an open page follows what happens elsewhere, through
// the activity subscription over graphql-ws, without a reload.
describeInBrowser('console live updates', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let f: AutomationFixture;
  let officer: { id: string; key: string };

  beforeAll(async () => {
    server = await startConsoleServer();
    f = await automationFixture(server.t, { oversightMode: 'REQUIRED' });
    ok(await server.t.gql(server.t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "live updates") { digest } }'));
    officer = await principalWithRole(server.t, 'compliance_officer', { name: 'Olivia Officer' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts a decision sent to review on an open overview, and takes it off once it is reviewed', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    const count = page.getByTestId('reviews-waiting-count');
    await count.waitFor();
    const before = Number(await count.innerText());
    // The socket opens with the page; give the watch its first reading before anything changes.
    await page.waitForTimeout(1500);

    const { decision } = ok(await server.t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision;
    expect(decision.status).toBe('PENDING_REVIEW');
    await page
      .getByTestId('reviews-waiting-count')
      .getByText(String(before + 1), { exact: true })
      .waitFor({ timeout: 60_000 });

    const reviewer = await principalWithRole(server.t, 'compliance_officer');
    ok(
      await server.t.gql(reviewer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "fine") { id } }', {
        id: decision.id,
      }),
    );
    await page.getByTestId('reviews-waiting-count').getByText(String(before), { exact: true }).waitFor({ timeout: 60_000 });
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('delivers a new pending decision to an open review queue page', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.goto(`/reviews?automationId=${f.automationId}`);
    // The earlier test's decision was reviewed: nothing of this automation waits.
    await page.getByText('Nothing waits for review').waitFor();
    await page.waitForTimeout(1500);

    const idempotencyKey = `live-${Date.now()}`;
    const { decision } = ok(await server.t.gql(f.service.key, RECORD, { i: decisionInput(f, { idempotencyKey }) })).recordDecision;
    expect(decision.status).toBe('PENDING_REVIEW');
    await page.getByRole('button', { name: `Review ${idempotencyKey}` }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('review-queue-row').count()).toBe(1);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

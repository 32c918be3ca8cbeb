import { ReviewOverdueSweeper } from '@attest/decisions';
import type { Browser, Page } from 'playwright-core';
import { automationFixture, decisionInput, RECORD } from '../support/decision-fixtures';
import { withClient } from '../support/test-database';
import { ok, principalWithRole } from '../support/test-app';
import { until } from '../support/until';
import { webhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
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

// The review queue as the compliance officers who work it (docs/console.md, "Review queue"): two race
// for one item, an overdue item is flagged (and announced by webhook), a policy refuses an override.
const DECISION = `query($id: ID!) { decision(id: $id) { outcome review { reviewerId verdict rationale } } }`;
const SET_SLA = `mutation($a: ID!, $m: Int) { setReviewSla(automationId: $a, minutes: $m) { minutes } }`;
const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;
const HOLDER = `query($f: ReviewQueueFilter) { reviewQueue(first: 10, filter: $f) { edges { node { claim { holderId } } } } }`;
const CONTEST = `mutation($d: ID!, $r: String!, $c: String) { contestDecision(decisionId: $d, reason: $r, contact: $c) { id } }`;
const AUDIT_OF = `query($id: ID!) { decision(id: $id) { auditEvents { action actorId } } }`;
const CLAIM_SECONDS = 4;

describeInBrowser('console review queue (two compliance officers)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let hooks: WebhookReceiver;
  let ana: { id: string; key: string };
  let ben: { id: string; key: string };

  /** An automation whose every decision goes to review (oversight required, default pack), and one decision of it. */
  async function pendingDecision(output: Record<string, unknown> = { route: 'specialist', severityBand: 'severe' }) {
    const f = await automationFixture(server.t, { oversightMode: 'REQUIRED' });
    const key = `fnol-${Math.random().toString(36).slice(2, 8)}`;
    const { decision } = ok(
      await server.t.gql(f.service.key, RECORD, { i: decisionInput(f, { idempotencyKey: key, output }) }),
    ).recordDecision;
    expect(decision.status).toBe('PENDING_REVIEW');
    return { f, id: decision.id as string, key };
  }

  async function signedIn(principal: { id: string }, path: string) {
    const opened = await openConsole(browser, server.url, '/sign-in');
    await signInAs(opened.page, server, principal);
    await opened.page.goto(path);
    await opened.page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    return opened;
  }

  const claimStatus = (page: Page) => page.getByTestId('claim-status');

  /**
   * The verdict form answers its keys once the item's decision has loaded and the item is yours: a key
   * pressed before (the detail still on its way on a busy machine) would be lost.
   */
  const verdictReady = (page: Page) =>
    until(
      async () =>
        page
          .getByTestId('verdict-form')
          .getByRole('button', { name: 'Approve' })
          .isEnabled()
          .catch(() => false),
      'the verdict form to be ready',
      60_000,
    );

  beforeAll(async () => {
    hooks = await webhookReceiver();
    // Jobs in-process (the overdue webhook is delivered by the API's process); claims lapse after 4 s.
    server = await startConsoleServer({
      REDIS_URL: '',
      ATTEST_REVIEW_CLAIM_SECONDS: String(CLAIM_SECONDS),
      ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      ATTEST_WEBHOOK_BACKOFF_MS: '50',
    });
    browser = await launchBrowser();
    ok(
      await server.t.gql(
        server.t.adminKey,
        'mutation { activatePolicyPack(name: "default", rationale: "console review queue") { digest } }',
      ),
    );
    ana = await principalWithRole(server.t, 'compliance_officer', { name: 'Ana Berg' });
    ben = await principalWithRole(server.t, 'compliance_officer', { name: 'Ben Okafor' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await hooks?.close();
  });

  it('two compliance officers race for one item (one claims, the other sees it held; the claim expires; the second approves)', async () => {
    const { f, id, key } = await pendingDecision();
    const path = `/reviews?automationId=${f.automationId}`;

    const first = await signedIn(ana, path);
    await first.page.getByRole('button', { name: `Review ${key}` }).waitFor();
    await first.page.getByRole('link', { name: 'Review queue' }).waitFor(); // in the navigation, for who may review
    await expectAccessible(first.page);
    await first.page.keyboard.press('j'); // opens the first item: Ana claims it
    await until(
      async () => ((await claimStatus(first.page).innerText()).startsWith('You hold this item') ? true : undefined),
      'Ana’s claim',
      60_000,
    );
    await first.page.waitForURL((url) => url.searchParams.get('item') === id);

    const second = await signedIn(ben, path);
    const row = second.page.getByTestId('review-queue-row').filter({ hasText: key });
    await row.getByText('Ana Berg').waitFor(); // who holds it, by name, in the queue
    await second.page.getByRole('button', { name: `Review ${key}` }).click();
    await claimStatus(second.page)
      .getByText(/^Held by Ana Berg until \d{1,2}:\d{2}/)
      .waitFor({ timeout: 60_000 });
    const approve = second.page.getByTestId('verdict-form').getByRole('button', { name: 'Approve' });
    expect(await approve.isDisabled()).toBe(true);
    await second.page.getByTestId('policy-evaluation').waitFor(); // the policies that asked for review
    await expectAccessible(second.page);
    await screenshot(second.page, 'review-queue-held');

    // Ana's browser loses the network: her claim is not renewed and lapses; Ben's page takes the item.
    await first.context.setOffline(true);
    await until(
      async () => ((await claimStatus(second.page).innerText()).startsWith('You hold this item') ? true : undefined),
      'Ana’s claim to lapse and Ben to hold the item',
      60_000,
    );
    expect(await approve.isDisabled()).toBe(false);
    await verdictReady(second.page);
    await second.page.keyboard.press('a'); // approve, and on to the rationale
    await second.page.getByRole('textbox', { name: 'Rationale' }).and(second.page.locator(':focus')).waitFor();
    await second.page.keyboard.type('Checked the claim file: the routing to a specialist is right');
    await second.page.keyboard.press('Control+Enter');
    await second.page.getByTestId('review-done').getByText(`${key} is approved`).waitFor({ timeout: 60_000 });

    const decision = ok(await server.t.gql(ana.key, DECISION, { id })).decision;
    expect(decision).toMatchObject({ outcome: 'APPROVED', review: { reviewerId: ben.id, verdict: 'APPROVE' } });
    await second.page.getByTestId('empty-state').getByText('Nothing waits for review').waitFor({ timeout: 60_000 });
    expect(second.problems).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it('an overdue item is flagged and its webhook is received by a local receiver', async () => {
    const { f, id, key } = await pendingDecision();
    ok(
      await server.t.gql(server.t.adminKey, SUBSCRIBE, {
        i: { automationId: f.automationId, url: hooks.url, events: ['DECISION_REVIEW_OVERDUE'] },
      }),
    );
    expect(ok(await server.t.gql(ana.key, SET_SLA, { a: f.automationId, m: 60 })).setReviewSla.minutes).toBe(60);
    // An hour passes: the test moves the item's due time instead of waiting for the clock.
    await withClient(server.t.databaseUrl, (c) =>
      c.query(`UPDATE review_items SET due_at = clock_timestamp() - interval '5 minutes' WHERE decision_id = $1`, [id]),
    );
    expect(await server.t.app.get(ReviewOverdueSweeper).sweep(1)).toBe(1);
    const hook = await until(async () => hooks.received.find((h) => h.body?.decision?.id === id), 'the overdue webhook', 60_000);
    expect(hook).toMatchObject({ event: 'decision.review_overdue', body: { decision: { id }, review: { dueAt: expect.any(String) } } });

    // The overview counts it and links to the overdue items.
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, ana);
    await page.getByTestId('reviews-overdue').getByText('1 overdue').waitFor();
    await page.getByRole('link', { name: 'See the overdue ones' }).click();
    await page.waitForURL((url) => url.pathname === '/reviews' && url.searchParams.get('overdue') === 'true');
    const row = page.getByTestId('review-queue-row').filter({ hasText: key });
    await row
      .getByTestId('sla')
      .getByText(/^overdue by \d+ min/)
      .waitFor();
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await page.getByTestId('review-queue-row').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Due' }).inputValue()).toBe('Overdue');
    await expectAccessible(page);
    await screenshot(page, 'review-queue-overdue');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("an override with a corrected output that a policy denies is refused with the policy's message", async () => {
    const { f, id, key } = await pendingDecision();
    const { page, context, problems } = await signedIn(ben, `/reviews?automationId=${f.automationId}&item=${id}`);
    await until(
      async () => ((await claimStatus(page).innerText()).startsWith('You hold this item') ? true : undefined),
      'Ben’s claim',
      60_000,
    );
    await page.getByTestId('review-queue-row').filter({ hasText: key }).getByText('held by you').waitFor();

    await verdictReady(page);
    await page.keyboard.press('o'); // override: the corrected output starts from the output
    const editor = page.getByRole('textbox', { name: 'Corrected output (JSON)' });
    await page.getByRole('textbox', { name: 'Rationale' }).and(page.locator(':focus')).waitFor();
    expect(JSON.parse(await editor.inputValue())).toEqual({ route: 'specialist', severityBand: 'severe' });
    await page.keyboard.type('Standard handling; the claimant asked to be called back');
    await editor.fill('{ "route": "standard", ');
    await page.getByTestId('verdict-form').getByRole('button', { name: 'Override' }).click();
    await page.getByText(/^This is not valid JSON: /).waitFor();

    await editor.fill(JSON.stringify({ route: 'standard', handlerNote: 'Call maria.jensen@example.net back' }, null, 2));
    await page.getByTestId('verdict-form').getByRole('button', { name: 'Override' }).click();
    const refusal = page.getByTestId('review-refusal');
    await refusal.getByText('A policy refused the corrected output').waitFor({ timeout: 60_000 });
    await refusal.getByText('The output contains unredacted personal data.').waitFor();
    await refusal.getByText('deny-unredacted-pii-output').waitFor();
    await refusal.getByText('POLICY_DENIED').waitFor();
    await expectAccessible(page);
    // The full-page screenshot from the top, the header in place.
    await page.getByRole('heading', { name: 'Review queue', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'review-queue-override-denied');

    // Nothing was written: the decision still waits, and Ben still holds it.
    expect(ok(await server.t.gql(ana.key, DECISION, { id })).decision).toMatchObject({ outcome: 'PENDING_REVIEW', review: null });
    const holder = async () =>
      ok(await server.t.gql(ana.key, HOLDER, { f: { automationId: f.automationId } })).reviewQueue.edges[0].node.claim;
    expect(await holder()).toEqual({ holderId: ben.id });
    // Closing the item (Esc) releases the claim the page took.
    await page.keyboard.press('Escape');
    await page.getByText('Open an item to review it').waitFor();
    await until(async () => ((await holder()) === null ? true : undefined), 'the claim released on leaving the item', 60_000);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an officer assigns an item to another, who finds it under "mine" and rejects it', async () => {
    const { f, id, key } = await pendingDecision();
    const officer = await signedIn(ana, `/reviews?automationId=${f.automationId}&item=${id}`);
    await claimStatus(officer.page)
      .getByText(/^You hold this item/)
      .waitFor({ timeout: 60_000 });
    await officer.page.getByRole('combobox', { name: 'Assign to' }).click();
    await officer.page.getByRole('option', { name: 'Ben Okafor' }).click();
    await officer.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await claimStatus(officer.page).getByText('Assigned to Ben Okafor: held until they release it.').waitFor({ timeout: 60_000 });
    expect(await officer.page.getByTestId('verdict-form').getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    // Closing the item leaves an assignment alone (only a claim the page took is released).
    await officer.page.keyboard.press('Escape');
    await officer.page.getByText('Open an item to review it').waitFor();
    const assigned = ok(await server.t.gql(ana.key, HOLDER, { f: { automationId: f.automationId } })).reviewQueue.edges[0].node.claim;
    expect(assigned).toEqual({ holderId: ben.id });
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    const reviewer = await signedIn(ben, `/reviews?automationId=${f.automationId}&holder=mine`);
    await reviewer.page.getByTestId('review-queue-row').filter({ hasText: key }).getByText('assigned to you').waitFor();
    await reviewer.page.keyboard.press('j');
    await claimStatus(reviewer.page)
      .getByText(/^Assigned to you/)
      .waitFor({ timeout: 60_000 });
    await verdictReady(reviewer.page);
    await reviewer.page.keyboard.press('r');
    await reviewer.page.getByRole('textbox', { name: 'Rationale' }).and(reviewer.page.locator(':focus')).waitFor();
    await reviewer.page.keyboard.type('Duplicate of an earlier claim; no routing needed');
    await reviewer.page.keyboard.press('Control+Enter');
    await reviewer.page.getByTestId('review-done').getByText(`${key} is rejected`).waitFor({ timeout: 60_000 });
    expect(ok(await server.t.gql(ana.key, DECISION, { id })).decision).toMatchObject({
      outcome: 'REJECTED',
      review: { reviewerId: ben.id, verdict: 'REJECT' },
    });
    expect(reviewer.problems).toEqual([]);
    await reviewer.context.close();
  });

  it("a contested decision comes first, marked; the reviewer reads the person's reason, answers it, and the decision page shows it answered", async () => {
    const { f, key: olderKey } = await pendingDecision();
    const key = `fnol-${Math.random().toString(36).slice(2, 8)}`;
    const id = ok(await server.t.gql(f.service.key, RECORD, { i: decisionInput(f, { idempotencyKey: key }) })).recordDecision.decision.id;
    const reason = 'The car was parked when it was hit; I was not driving it.';
    ok(await server.t.gql(ana.key, CONTEST, { d: id, r: reason, c: 'person@example.org' }));

    const officer = await signedIn(ben, `/reviews?automationId=${f.automationId}`);
    const rows = officer.page.getByTestId('review-queue-row');
    await rows.filter({ hasText: olderKey }).waitFor();
    // The newer decision first: contested, a priority item; the older one unmarked.
    expect(await rows.first().innerText()).toContain(key);
    await rows.first().getByTestId('contested').waitFor();
    expect(await rows.filter({ hasText: olderKey }).getByTestId('contested').count()).toBe(0);
    await expectAccessible(officer.page);

    await officer.page.keyboard.press('j');
    await claimStatus(officer.page)
      .getByText(/^You hold this item/)
      .waitFor({ timeout: 60_000 });
    const contest = officer.page.getByTestId('review-item').getByTestId('contest');
    await contest.getByTestId('contest-reason').getByText(reason).waitFor();
    expect(await contest.getAttribute('data-status')).toBe('OPEN');
    await contest.getByText('Contact: person@example.org').waitFor();
    await contest.getByText('Ana Berg').waitFor(); // who relayed it, by name
    await screenshot(officer.page, 'review-queue-contested');

    await verdictReady(officer.page);
    await officer.page.keyboard.press('a');
    await officer.page.getByRole('textbox', { name: 'Rationale' }).and(officer.page.locator(':focus')).waitFor();
    await officer.page.keyboard.type('Photos confirm the car was parked: the severity stands');
    await officer.page.keyboard.press('Control+Enter');
    await officer.page.getByTestId('review-done').getByText(`${key} is approved`).waitFor({ timeout: 60_000 });

    await officer.page.goto(`/decisions/${id}`);
    const answered = officer.page.getByTestId('contests').getByTestId('contest');
    await answered.getByText('answered', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await answered.getAttribute('data-status')).toBe('ANSWERED');
    await answered.getByText(reason).waitFor();
    await expectAccessible(officer.page);
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  });

  it('closing the tab releases the claim it took at once (audited), rather than leaving it to lapse', async () => {
    const { f, id } = await pendingDecision();
    const officer = await signedIn(ana, `/reviews?automationId=${f.automationId}&item=${id}`);
    await claimStatus(officer.page)
      .getByText(/^You hold this item/)
      .waitFor({ timeout: 60_000 });
    await officer.page.close({ runBeforeUnload: true });
    // A lapse records nothing: the audit event is the release the closing page sent.
    const released = await until(
      async () =>
        ok(await server.t.gql(ana.key, AUDIT_OF, { id })).decision.auditEvents.find(
          (e: { action: string }) => e.action === 'decision.review_released',
        ),
      'the release sent as the tab closed',
      60_000,
    );
    expect(released).toEqual({ action: 'decision.review_released', actorId: ana.id });
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  });
});

import { randomUUID } from 'node:crypto';
import { ReviewOverdueSweeper } from '@attest/decisions';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { withClient } from './support/test-database';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';
import { webhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const ENTRY = 'decision { id } dueAt overdue claim { holderId since expiresAt assignedBy }';
const CLAIM = `mutation($id: ID!) { claimReview(id: $id) { ${ENTRY} } }`;
const RELEASE = `mutation($id: ID!) { releaseReview(id: $id) { ${ENTRY} } }`;
const ASSIGN = `mutation($id: ID!, $p: ID!) { assignReview(id: $id, principalId: $p) { ${ENTRY} } }`;
const REVIEW = `mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "looked at it") { id outcome } }`;
const QUEUE = `query($f: ReviewQueueFilter) { reviewQueue(filter: $f, first: 100) { edges { node { ${ENTRY} } } } }`;
const SLA = `query($a: ID!) { reviewSla(automationId: $a) { automationId minutes isSet updatedBy } }`;
const SET_SLA = `mutation($a: ID!, $m: Int) { setReviewSla(automationId: $a, minutes: $m) { automationId minutes isSet updatedBy } }`;
const EVENTS = `query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action actorId before after } } } }`;
const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;

type Entry = {
  decision: { id: string };
  dueAt: string;
  overdue: boolean;
  claim: { holderId: string; expiresAt: string | null; assignedBy: string | null } | null;
};

/** docs/decisions.md "Review workflow": claims, assignments, SLAs and overdue items, through the API. */
describe('the review workflow', () => {
  let t: TestApp;
  let f: AutomationFixture;
  let alice: { id: string; key: string };
  let bob: { id: string; key: string };
  let carol: { id: string; key: string };
  let auditor: { id: string; key: string };
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    hooks = await webhookReceiver();
    // Jobs in-process (the overdue sweep's job and webhooks run in the API); claims lapse after 2 s.
    t = await startTestApp({
      REDIS_URL: '',
      ATTEST_REVIEW_CLAIM_SECONDS: '2',
      ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      ATTEST_WEBHOOK_BACKOFF_MS: '50',
    });
    f = await automationFixture(t, { oversightMode: 'REQUIRED' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "review workflow") { digest } }'));
    [alice, bob, carol] = [
      await principalWithRole(t, 'compliance_officer'),
      await principalWithRole(t, 'compliance_officer'),
      await principalWithRole(t, 'compliance_officer'),
    ];
    auditor = await principalWithRole(t, 'auditor');
  });
  afterAll(async () => {
    await t?.close();
    await hooks?.close();
  });

  const pending = async () => {
    const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f) })).recordDecision;
    expect(decision.status).toBe('PENDING_REVIEW');
    return decision.id as string;
  };
  const queue = async (key: string, filter: Record<string, unknown> = {}): Promise<Entry[]> =>
    ok(await t.gql(key, QUEUE, { f: { automationId: f.automationId, ...filter } })).reviewQueue.edges.map((e: { node: Entry }) => e.node);
  const actions = async (id: string) =>
    ok(await t.gql(auditor.key, EVENTS, { id })).auditEvents.edges.map((e: { node: { action: string; actorId: string | null } }) => [
      e.node.action,
      e.node.actorId,
    ]);

  it('two reviewers race for one item: the second sees who holds it, the claim lapses, and the second approves', async () => {
    const id = await pending();
    const claimed: Entry = ok(await t.gql(alice.key, CLAIM, { id })).claimReview;
    expect(claimed.claim).toMatchObject({ holderId: alice.id, assignedBy: null, expiresAt: expect.any(String) });
    // Renewing one's own claim moves its expiry and is not audited again.
    expect(ok(await t.gql(alice.key, CLAIM, { id })).claimReview.claim.holderId).toBe(alice.id);

    const refused = await t.gql(bob.key, CLAIM, { id });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain(`Principal ${alice.id} holds this review until`);
    expect(refused.errors![0].extensions).toMatchObject({ holderId: alice.id, expiresAt: expect.any(String) });
    expect(errorCode(await t.gql(bob.key, REVIEW, { id }))).toBe('CONFLICT');
    expect((await queue(bob.key)).find((e) => e.decision.id === id)?.claim?.holderId).toBe(alice.id);
    expect((await queue(bob.key, { holderId: alice.id })).map((e) => e.decision.id)).toEqual([id]);

    // Alice goes quiet: once her claim lapses, nobody holds the item and Bob may take it.
    const taken = await until(
      async () => {
        const r = await t.gql(bob.key, CLAIM, { id });
        return r.errors ? undefined : (r.data!.claimReview as Entry);
      },
      "Alice's claim to lapse",
      60_000,
    );
    expect(taken.claim!.holderId).toBe(bob.id);
    expect(errorCode(await t.gql(alice.key, REVIEW, { id }))).toBe('CONFLICT');
    expect(ok(await t.gql(bob.key, REVIEW, { id })).reviewDecision.outcome).toBe('APPROVED');
    expect((await queue(alice.key)).map((e) => e.decision.id)).not.toContain(id);
    expect(errorCode(await t.gql(alice.key, CLAIM, { id }))).toBe('CONFLICT'); // reviewed: no item left
    expect(await actions(id)).toEqual(
      expect.arrayContaining([
        ['decision.review_claimed', alice.id],
        ['decision.review_claimed', bob.id],
        ['decision.reviewed', bob.id],
      ]),
    );
    expect((await actions(id)).filter(([a]: string[]) => a === 'decision.review_claimed')).toHaveLength(2);
  });

  it('an officer assigns an item to a reviewer who may review it; the assignment holds until released', async () => {
    const id = await pending();
    expect(errorCode(await t.gql(auditor.key, ASSIGN, { id, p: bob.id }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(alice.key, ASSIGN, { id, p: auditor.id }))).toBe('VALIDATION_FAILED'); // may not review
    expect(errorCode(await t.gql(alice.key, ASSIGN, { id, p: f.service.id }))).toBe('VALIDATION_FAILED'); // recorded it
    expect(errorCode(await t.gql(alice.key, ASSIGN, { id, p: randomUUID() }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(alice.key, ASSIGN, { id: randomUUID(), p: bob.id }))).toBe('NOT_FOUND');

    const assigned: Entry = ok(await t.gql(alice.key, ASSIGN, { id, p: bob.id })).assignReview;
    expect(assigned.claim).toEqual({ holderId: bob.id, since: expect.any(String), expiresAt: null, assignedBy: alice.id });
    // An assignment does not lapse: Carol still cannot take it after a claim would have.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(errorCode(await t.gql(carol.key, CLAIM, { id }))).toBe('CONFLICT');
    expect(ok(await t.gql(bob.key, CLAIM, { id })).claimReview.claim).toMatchObject({ holderId: bob.id, expiresAt: null });

    // Bob lets go; Carol claims; Alice (an officer) may release Carol's claim.
    expect(ok(await t.gql(bob.key, RELEASE, { id })).releaseReview.claim).toBeNull();
    expect(ok(await t.gql(carol.key, CLAIM, { id })).claimReview.claim.holderId).toBe(carol.id);
    expect(ok(await t.gql(alice.key, RELEASE, { id })).releaseReview.claim).toBeNull();
    expect(await actions(id)).toEqual(
      expect.arrayContaining([
        ['decision.review_assigned', alice.id],
        ['decision.review_released', bob.id],
        ['decision.review_claimed', carol.id],
        ['decision.review_released', alice.id],
      ]),
    );
  });

  it('an SLA per automation sets due times; an overdue item is flagged, counted, and announced once', async () => {
    ok(
      await t.gql(t.adminKey, SUBSCRIBE, {
        i: { automationId: f.automationId, url: hooks.url, events: ['DECISION_REVIEW_OVERDUE'] },
      }),
    );
    expect(ok(await t.gql(auditor.key, SLA, { a: f.automationId })).reviewSla).toEqual({
      automationId: f.automationId,
      minutes: 1440,
      isSet: false,
      updatedBy: null,
    });
    expect(errorCode(await t.gql(auditor.key, SET_SLA, { a: f.automationId, m: 60 }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(alice.key, SET_SLA, { a: f.automationId, m: 0 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(alice.key, SET_SLA, { a: randomUUID(), m: 60 }))).toBe('NOT_FOUND');

    const id = await pending();
    const before = (await queue(alice.key)).find((e) => e.decision.id === id)!;
    expect(ok(await t.gql(alice.key, SET_SLA, { a: f.automationId, m: 60 })).setReviewSla).toEqual({
      automationId: f.automationId,
      minutes: 60,
      isSet: true,
      updatedBy: alice.id,
    });
    const after = (await queue(alice.key)).find((e) => e.decision.id === id)!;
    expect(Date.parse(before.dueAt) - Date.parse(after.dueAt)).toBe((1440 - 60) * 60_000);
    expect(after.overdue).toBe(false);
    expect((await actions(f.automationId)).map(([a]: string[]) => a)).toContain('automation.review_sla_set');

    // An hour passes (the test moves the item's due time instead of waiting for the clock).
    await withClient(t.databaseUrl, (c) =>
      c.query(`UPDATE review_items SET due_at = clock_timestamp() - interval '1 minute' WHERE decision_id = $1`, [id]),
    );
    expect((await queue(alice.key, { overdue: true })).map((e) => e.decision.id)).toEqual([id]);
    expect((await queue(alice.key, { overdue: false })).map((e) => e.decision.id)).not.toContain(id);
    const overview = ok(await t.gql(alice.key, '{ complianceOverview { reviewBacklog { waiting overdue } } }')).complianceOverview;
    expect(overview.reviewBacklog.overdue).toBe(1);

    const sweeper = t.app.get(ReviewOverdueSweeper);
    expect(await sweeper.sweep(1)).toBe(1);
    const [hook] = await until(async () => (hooks.received.length > 0 ? hooks.received : undefined), 'the overdue webhook', 60_000);
    expect(hook.event).toBe('decision.review_overdue');
    expect(hook.body).toMatchObject({
      event: 'decision.review_overdue',
      decision: { id, status: 'pending_review' },
      review: { dueAt: expect.any(String) },
    });
    await until(
      async () => ((await actions(id)).some(([a]: string[]) => a === 'decision.review_overdue') ? true : undefined),
      'the overdue audit event',
      60_000,
    );
    // Announced once: the next rounds find nothing to announce.
    expect(await sweeper.sweep(2)).toBe(0);
    expect(hooks.received).toHaveLength(1);
    expect((await actions(id)).filter(([a]: string[]) => a === 'decision.review_overdue')).toEqual([['decision.review_overdue', null]]);

    // Back to the default: a day.
    expect(ok(await t.gql(alice.key, SET_SLA, { a: f.automationId, m: null })).setReviewSla).toMatchObject({ minutes: 1440, isSet: false });
  });
});

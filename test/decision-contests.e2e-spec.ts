import { randomBytes, randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ReviewOverdueSweeper } from '@attest/decisions';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { withClient } from './support/test-database';
import { until } from './support/until';
import { webhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const CONTEST = `mutation($d: ID!, $r: String!, $c: String) { contestDecision(decisionId: $d, reason: $r, contact: $c) {
  id decisionId status reason contact hasContact contestedBy contestedAt dueAt reviewId resolvedAt } }`;
const QUEUE = `query($a: ID) { reviewQueue(filter: { automationId: $a }, first: 50) {
  edges { node { decision { id } dueAt priority contestId } } } }`;
const REVIEW = `mutation($id: ID!, $v: ReviewVerdict!) { reviewDecision(id: $id, verdict: $v, rationale: "Looked at it again") { id outcome } }`;
const CONTESTS = `query($id: ID!) { decision(id: $id) { outcome contests { id status contact hasContact reason reviewId } } }`;
const EVENTS = `query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action actorId after } } } }`;
const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;
const EXPLAIN = `query($s: String!, $d: ID) { subjectExplanation(subjectRef: $s, decisionId: $d) {
  decisions { decisionId outcome reviewSummary reviews { verdict answersContest } contests { status result text } } } }`;

const CONTACT = 'jane.doe@example.com';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Both ways to run jobs: BullMQ in Redis with a worker (when REDIS_URL is set), and in-process as on the embedded default. */
const MODES: [string, string][] = [
  ...(process.env.REDIS_URL ? [['Redis and a worker', process.env.REDIS_URL] as [string, string]] : []),
  ['in-process', ''],
];

/** docs/evidence.md "For the person decided about": contestDecision, through the API. */
describe.each(MODES)('contesting a decision (%s)', (_mode, redisUrl) => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let hooks: WebhookReceiver;
  let f: AutomationFixture;
  let other: AutomationFixture;
  let alice: { id: string; key: string };
  let bob: { id: string; key: string };
  let auditor: { id: string; key: string };
  let owner: { id: string; key: string };

  beforeAll(async () => {
    hooks = await webhookReceiver();
    t = await startTestApp({
      REDIS_URL: redisUrl,
      ATTEST_QUEUE_PREFIX: `attest-test-${randomBytes(4).toString('hex')}`,
      ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      ATTEST_WEBHOOK_BACKOFF_MS: '50',
    });
    // With Redis the API only enqueues: a worker (here in this process, as apps/worker builds it) delivers.
    if (t.config.redisUrl) {
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...t.config, redisUrl: t.config.redisUrl }), {
        logger: false,
      });
    }
    [alice, bob, auditor] = [
      await principalWithRole(t, 'compliance_officer'),
      await principalWithRole(t, 'compliance_officer'),
      await principalWithRole(t, 'auditor'),
    ];
    owner = await principalWithRole(t, 'automation_owner');
    f = await automationFixture(t, { automationOwnerId: owner.id });
    other = await automationFixture(t, { oversightMode: 'REQUIRED' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "contests") { digest } }'));
    ok(
      await t.gql(t.adminKey, SUBSCRIBE, {
        i: { automationId: f.automationId, url: hooks.url, events: ['DECISION_CONTESTED', 'DECISION_REVIEW_OVERDUE'] },
      }),
    );
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await hooks?.close();
  });

  const record = async (fixture: AutomationFixture, extra: Record<string, unknown> = {}) =>
    ok(await t.gql(fixture.service.key, RECORD, { i: decisionInput(fixture, extra) })).recordDecision.decision as {
      id: string;
      status: string;
    };
  const queue = async (key: string, automationId?: string) =>
    ok(await t.gql(key, QUEUE, { a: automationId ?? null })).reviewQueue.edges.map(
      (e: { node: { decision: { id: string }; dueAt: string; priority: boolean; contestId: string | null } }) => e.node,
    );
  const events = async (id: string) =>
    ok(await t.gql(auditor.key, EVENTS, { id })).auditEvents.edges.map(
      (e: { node: { action: string; actorId: string; after: Record<string, unknown> } }) => e.node,
    );

  it('a contest puts the decision first in the queue with a deadline, announces it, and its review shows in the next explanation', async () => {
    const subjectRef = `person-${randomUUID()}`;
    const waiting = await record(other); // sent to review before the contest: it sorts after the contested one
    expect(waiting.status).toBe('PENDING_REVIEW');
    const decision = await record(f, { subjectRef });
    expect(decision.status).toBe('RECORDED');

    const before = Date.now();
    const contest = ok(
      await t.gql(f.service.key, CONTEST, { d: decision.id, r: `Nobody told me why. Write to ${CONTACT}`, c: CONTACT }),
    ).contestDecision;
    expect(contest).toMatchObject({
      decisionId: decision.id,
      status: 'OPEN',
      contact: CONTACT, // the service reads its automation's inputs, so it sees the contact it relayed
      hasContact: true,
      contestedBy: f.service.id,
      reviewId: null,
      resolvedAt: null,
    });
    expect(contest.reason).toBe('Nobody told me why. Write to [REDACTED:email]');
    // Due by the default deadline: three days after the contest.
    expect(Date.parse(contest.dueAt) - Date.parse(contest.contestedAt)).toBe(3 * DAY_MS);
    expect(Date.parse(contest.contestedAt)).toBeGreaterThanOrEqual(before - 5_000);

    // A second contest while this one is open is refused.
    const again = await t.gql(f.service.key, CONTEST, { d: decision.id, r: 'Still waiting' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions).toMatchObject({ contestId: contest.id });

    // Priority items come first, due by the contest's deadline.
    const entries = await queue(alice.key);
    const mine = entries.findIndex((e: { decision: { id: string } }) => e.decision.id === decision.id);
    const theirs = entries.findIndex((e: { decision: { id: string } }) => e.decision.id === waiting.id);
    expect(mine).toBe(0);
    expect(theirs).toBeGreaterThan(mine);
    expect(entries[mine]).toEqual({ decision: { id: decision.id }, dueAt: contest.dueAt, priority: true, contestId: contest.id });
    expect(entries[theirs]).toMatchObject({ priority: false, contestId: null });

    // The receiver is told, without the contact or the reason.
    const hook = await until(
      async () => hooks.received.find((h) => h.event === 'decision.contested' && h.body.decision.id === decision.id),
      'the decision.contested webhook',
      60_000,
    );
    expect(hook.body).toMatchObject({
      event: 'decision.contested',
      decision: { id: decision.id, outcome: 'recorded' },
      contest: { id: contest.id, dueAt: contest.dueAt, hasContact: true },
    });
    expect(JSON.stringify(hook.body)).not.toContain('jane');

    // The audit trail has the contest, the contact only as a keyed digest.
    const [contested] = (await events(decision.id)).filter((e: { action: string }) => e.action === 'decision.contested');
    expect(contested).toMatchObject({
      actorId: f.service.id,
      after: { contestId: contest.id, hasContact: true, contactDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(JSON.stringify(contested)).not.toContain('jane');

    // Alice reviews it: the contest is answered.
    expect(ok(await t.gql(alice.key, REVIEW, { id: decision.id, v: 'APPROVE' })).reviewDecision.outcome).toBe('APPROVED');
    expect((await queue(alice.key)).map((e: { decision: { id: string } }) => e.decision.id)).not.toContain(decision.id);
    const [answered] = ok(await t.gql(alice.key, CONTESTS, { id: decision.id })).decision.contests;
    expect(answered).toMatchObject({ id: contest.id, status: 'ANSWERED', reviewId: expect.any(String) });
    expect((await events(decision.id)).find((e: { action: string }) => e.action === 'decision.reviewed').after).toMatchObject({
      contestId: contest.id,
    });

    // The next explanation shows the review and the contest's outcome.
    const [explained] = ok(await t.gql(f.service.key, EXPLAIN, { s: subjectRef, d: decision.id })).subjectExplanation.decisions;
    expect(explained.outcome).toBe('APPROVED');
    expect(explained.reviews).toEqual([{ verdict: 'APPROVE', answersContest: true }]);
    expect(explained.contests).toEqual([
      { status: 'ANSWERED', result: 'APPROVE', text: expect.stringContaining('a person reviewed it: the decision was confirmed.') },
    ]);
    expect(explained.reviewSummary).toContain('This review answered your request.');
  });

  it('a reviewed decision contested again gets a new priority item, reviewed by someone else; the latest verdict stands', async () => {
    const subjectRef = `person-${randomUUID()}`;
    const decision = await record(f, { subjectRef });
    expect(ok(await t.gql(alice.key, REVIEW, { id: decision.id, v: 'APPROVE' })).reviewDecision.outcome).toBe('APPROVED');
    // Reviewed and not contested: no second review.
    expect(errorCode(await t.gql(bob.key, REVIEW, { id: decision.id, v: 'REJECT' }))).toBe('CONFLICT');

    // A compliance officer contests it on the person's behalf (a letter); no contact given.
    const contest = ok(await t.gql(bob.key, CONTEST, { d: decision.id, r: 'The customer wrote in: the amount is wrong' })).contestDecision;
    expect(contest).toMatchObject({ status: 'OPEN', contact: null, hasContact: false, contestedBy: bob.id });
    expect((await queue(bob.key, f.automationId))[0]).toMatchObject({ decision: { id: decision.id }, priority: true });

    // Whoever gave the verdict being contested may not answer the contest.
    expect(errorCode(await t.gql(alice.key, REVIEW, { id: decision.id, v: 'REJECT' }))).toBe('FORBIDDEN');
    expect(ok(await t.gql(bob.key, REVIEW, { id: decision.id, v: 'REJECT' })).reviewDecision.outcome).toBe('REJECTED');
    const filtered = async (outcome: string) =>
      ok(
        await t.gql(alice.key, `query($o: DecisionOutcome) { decisions(filter: { outcome: $o }, first: 100) { edges { node { id } } } }`, {
          o: outcome,
        }),
      ).decisions.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await filtered('REJECTED')).toContain(decision.id);
    expect(await filtered('APPROVED')).not.toContain(decision.id);

    const [explained] = ok(await t.gql(alice.key, EXPLAIN, { s: subjectRef })).subjectExplanation.decisions;
    expect(explained.outcome).toBe('REJECTED');
    expect(explained.reviews).toEqual([
      { verdict: 'APPROVE', answersContest: false },
      { verdict: 'REJECT', answersContest: true },
    ]);
    expect(explained.contests).toEqual([expect.objectContaining({ status: 'ANSWERED', result: 'REJECT' })]);
  });

  it('who may contest: the decision’s service and compliance officers; not auditors, owners or another automation’s service', async () => {
    const decision = await record(f, { subjectRef: `person-${randomUUID()}` });
    expect(errorCode(await t.gql(auditor.key, CONTEST, { d: decision.id, r: 'please' }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(owner.key, CONTEST, { d: decision.id, r: 'please' }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(other.service.key, CONTEST, { d: decision.id, r: 'please' }))).toBe('NOT_FOUND');

    // Input validated; nothing written on a refusal.
    expect(errorCode(await t.gql(f.service.key, CONTEST, { d: decision.id, r: '   ' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(f.service.key, CONTEST, { d: decision.id, r: 'x'.repeat(2001) }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(f.service.key, CONTEST, { d: decision.id, r: 'ok', c: 'x'.repeat(321) }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(f.service.key, CONTEST, { d: 'not-a-uuid', r: 'ok' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(f.service.key, CONTEST, { d: randomUUID(), r: 'ok' }))).toBe('NOT_FOUND');
    const blocked = await record(f, { output: { route: 'fast-track', note: 'call bob@example.com' } });
    expect(blocked.status).toBe('BLOCKED');
    expect(errorCode(await t.gql(f.service.key, CONTEST, { d: blocked.id, r: 'please' }))).toBe('CONFLICT');
    expect((await events(decision.id)).map((e: { action: string }) => e.action)).toEqual(['decision.recorded']);

    // The auditor reads the contest without the contact.
    const contest = ok(await t.gql(f.service.key, CONTEST, { d: decision.id, r: 'please', c: CONTACT })).contestDecision;
    const [seen] = ok(await t.gql(auditor.key, CONTESTS, { id: decision.id })).decision.contests;
    expect(seen).toMatchObject({ id: contest.id, status: 'OPEN', contact: null, hasContact: true });
    expect(ok(await t.gql(alice.key, CONTESTS, { id: decision.id })).decision.contests[0].contact).toBe(CONTACT);
  });

  it('a decision awaiting review keeps its item and holder: the item becomes a priority item, due by the earlier time', async () => {
    const pending = await record(other);
    expect(pending.status).toBe('PENDING_REVIEW');
    ok(await t.gql(alice.key, `mutation($id: ID!) { claimReview(id: $id) { decision { id } } }`, { id: pending.id }));
    const [before] = (await queue(bob.key, other.automationId)).filter((e: { decision: { id: string } }) => e.decision.id === pending.id);
    const contest = ok(await t.gql(other.service.key, CONTEST, { d: pending.id, r: 'Please look at it soon' })).contestDecision;
    // A day's SLA is earlier than three days after the contest: the item keeps its due time.
    expect(Date.parse(contest.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
    const [after] = (await queue(bob.key, other.automationId)).filter((e: { decision: { id: string } }) => e.decision.id === pending.id);
    expect(after).toEqual({ decision: { id: pending.id }, dueAt: before.dueAt, priority: true, contestId: contest.id });
    // Alice still holds it: Bob may not review it under her.
    expect(errorCode(await t.gql(bob.key, REVIEW, { id: pending.id, v: 'APPROVE' }))).toBe('CONFLICT');
    expect(ok(await t.gql(alice.key, REVIEW, { id: pending.id, v: 'APPROVE' })).reviewDecision.outcome).toBe('APPROVED');
    expect(ok(await t.gql(alice.key, CONTESTS, { id: pending.id })).decision.contests[0].status).toBe('ANSWERED');
  });

  it('an overdue contested item is announced by the existing sweep', async () => {
    const decision = await record(f, { subjectRef: `person-${randomUUID()}` });
    ok(await t.gql(f.service.key, CONTEST, { d: decision.id, r: 'please hurry' }));
    // Three days pass (the test moves the item's due time instead of waiting for the clock).
    await withClient(t.databaseUrl, (c) =>
      c.query(`UPDATE review_items SET due_at = clock_timestamp() - interval '1 minute' WHERE decision_id = $1`, [decision.id]),
    );
    expect(await t.app.get(ReviewOverdueSweeper).sweep(1)).toBeGreaterThanOrEqual(1);
    const hook = await until(
      async () => hooks.received.find((h) => h.event === 'decision.review_overdue' && h.body.decision.id === decision.id),
      'the overdue webhook',
      60_000,
    );
    expect(hook.body.review.dueAt).toEqual(expect.any(String));
  });
});

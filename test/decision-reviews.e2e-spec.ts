import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const REVIEW = `mutation($id: ID!, $v: ReviewVerdict!, $r: String!, $c: JSON) {
  reviewDecision(id: $id, verdict: $v, rationale: $r, correctedOutput: $c) {
    id status outcome output effectiveOutput review { verdict rationale reviewerId correctedOutput redactions { path detector } } } }`;
const QUEUE = `query($f: ReviewQueueFilter, $after: String) { reviewQueue(filter: $f, first: 50, after: $after) {
  edges { node { waitingSeconds decision { id status policyEvaluation { matched { id } } } } } pageInfo { hasNextPage endCursor } } }`;

describe('human review of decisions', () => {
  let t: TestApp;
  let reviewed: AutomationFixture;
  let ownedByOfficer: AutomationFixture;
  let officer: { id: string; key: string };
  let secondOfficer: { id: string; key: string };
  let owningOfficer: { id: string; key: string };
  const pending = async (f: AutomationFixture, extra: Record<string, unknown> = {}) => {
    const { decision } = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence: 0.3, ...extra }) })).recordDecision;
    expect(decision.status).toBe('PENDING_REVIEW');
    return decision.id as string;
  };
  const review = (key: string, id: string, v: string, c?: unknown) => t.gql(key, REVIEW, { id, v: v.toUpperCase(), r: `verdict ${v}`, c });
  const queueIds = async (key: string, f: Record<string, unknown> = {}) =>
    ok(await t.gql(key, QUEUE, { f })).reviewQueue.edges.map((e: { node: { decision: { id: string } } }) => e.node.decision.id) as string[];

  beforeAll(async () => {
    t = await startTestApp();
    officer = await principalWithRole(t, 'compliance_officer');
    secondOfficer = await principalWithRole(t, 'compliance_officer');
    owningOfficer = await principalWithRole(t, 'compliance_officer');
    reviewed = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ownedByOfficer = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit', automationOwnerId: owningOfficer.id });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "adopted") { digest } }'));
  });
  afterAll(() => t?.close());

  it('queues decisions awaiting review oldest first, with their age, and not allowed ones', async () => {
    const first = await pending(reviewed);
    const second = await pending(reviewed);
    ok(await t.gql(reviewed.service.key, RECORD, { i: decisionInput(reviewed, { confidence: 0.99 }) }));
    const queue = ok(await t.gql(officer.key, QUEUE, { f: { automationId: reviewed.automationId } })).reviewQueue.edges;
    const ids = queue.map((e: { node: { decision: { id: string } } }) => e.node.decision.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(
      queue.every(
        (e: { node: { waitingSeconds: number; decision: { status: string } } }) =>
          e.node.waitingSeconds >= 0 && e.node.decision.status === 'PENDING_REVIEW',
      ),
    ).toBe(true);
    expect(await queueIds(officer.key, { policyId: 'high-risk-low-confidence-review' })).toEqual(expect.arrayContaining([first, second]));
    expect(await queueIds(officer.key, { policyId: 'oversight-required-review' })).toEqual([]);
  });

  it('pages through the queue oldest first', async () => {
    const ids = [await pending(reviewed), await pending(reviewed), await pending(reviewed)];
    const firstPage = ok(
      await t.gql(officer.key, QUEUE.replace('first: 50', 'first: 1'), { f: { automationId: reviewed.automationId } }),
    ).reviewQueue;
    const rest = await queueIds(officer.key, { automationId: reviewed.automationId });
    const after = ok(
      await t.gql(officer.key, QUEUE, { f: { automationId: reviewed.automationId }, after: firstPage.pageInfo.endCursor }),
    ).reviewQueue;
    expect(after.edges.map((e: { node: { decision: { id: string } } }) => e.node.decision.id)).toEqual(rest.slice(1));
    expect(rest.slice(-3)).toEqual(ids);
  });

  it('approve: the output stands, the review is audited, and the decision leaves the queue', async () => {
    const id = await pending(reviewed);
    const result = ok(await review(officer.key, id, 'approve')).reviewDecision;
    expect(result).toMatchObject({
      status: 'PENDING_REVIEW',
      outcome: 'APPROVED',
      effectiveOutput: result.output,
      review: { verdict: 'APPROVE', reviewerId: officer.id, correctedOutput: null },
    });
    expect(await queueIds(officer.key)).not.toContain(id);
    const audit = ok(await t.gql(t.adminKey, `{ decision(id: "${id}") { auditEvents { action actorId after } } }`)).decision.auditEvents;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['decision.pending_review', 'decision.reviewed']);
    expect(audit[1]).toMatchObject({
      actorId: officer.id,
      after: { outcome: 'approved', verdict: 'approve', rationale: 'verdict approve' },
    });
  });

  it('override: needs a corrected output, which replaces the output, is stored redacted and is judged by the active pack', async () => {
    const id = await pending(reviewed);
    expect(errorCode(await review(officer.key, id, 'override'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await review(officer.key, id, 'approve', { route: 'x' }))).toBe('VALIDATION_FAILED');
    // Personal data the scan finds in an output is denied, for a reviewer's output as for a model's; nothing is written.
    const denied = await review(officer.key, id, 'override', { route: 'manual', note: 'call jane.doe@example.com' });
    expect(errorCode(denied)).toBe('POLICY_DENIED');
    expect(denied.errors![0].message).toBe('The output contains unredacted personal data.');
    expect(await queueIds(officer.key, { automationId: reviewed.automationId })).toContain(id);
    // A field the automation's rules expect to hold personal data is redacted by path, as in a decision.
    ok(
      await t.gql(t.adminKey, 'mutation($a: ID!, $r: RedactionRulesInput!) { setRedactionRules(automationId: $a, rules: $r) { paths } }', {
        a: reviewed.automationId,
        r: { paths: ['$.output.contact'], patterns: [] },
      }),
    );
    const result = ok(await review(officer.key, id, 'override', { route: 'manual', contact: 'jane.doe@example.com' })).reviewDecision;
    expect(result.outcome).toBe('OVERRIDDEN');
    expect(result.effectiveOutput).toEqual({ route: 'manual', contact: '[REDACTED:path]' });
    expect(result.review.redactions).toEqual([{ path: '$.output.contact', detector: 'path' }]);
    const audit = ok(await t.gql(t.adminKey, `{ decision(id: "${id}") { auditEvents { action after } } }`)).decision.auditEvents;
    expect(audit.find((e: { action: string }) => e.action === 'decision.reviewed').after.correctedOutputPolicy).toMatchObject({
      effect: 'require_review',
      matched: [{ id: 'high-risk-low-confidence-review', version: 1, effect: 'require_review' }],
    });
  });

  it('reject: the outcome is void', async () => {
    const id = await pending(reviewed);
    expect(ok(await review(officer.key, id, 'reject')).reviewDecision).toMatchObject({ outcome: 'REJECTED', effectiveOutput: null });
    const filtered = ok(
      await t.gql(
        t.adminKey,
        `{ decisions(filter: { outcome: REJECTED, automationId: "${reviewed.automationId}" }) { edges { node { id } } } }`,
      ),
    );
    expect(filtered.decisions.edges).toEqual([{ node: { id } }]);
  });

  it('one review per decision, also when two reviewers race', async () => {
    const id = await pending(reviewed);
    const results = await Promise.all([review(officer.key, id, 'approve'), review(secondOfficer.key, id, 'reject')]);
    expect(results.map(errorCode).sort()).toEqual(['CONFLICT', undefined]);
    expect(errorCode(await review(officer.key, id, 'approve'))).toBe('CONFLICT');
  });

  it('refuses to review a blocked decision', async () => {
    const { decision } = ok(
      await t.gql(reviewed.service.key, RECORD, { i: decisionInput(reviewed, { output: { email: 'a.b@example.com' } }) }),
    ).recordDecision;
    expect(decision.status).toBe('BLOCKED');
    expect(errorCode(await review(officer.key, decision.id, 'approve'))).toBe('CONFLICT');
  });

  it('only reviewers who do not own the automation: the wrong role or the owner is FORBIDDEN', async () => {
    const id = await pending(reviewed);
    const automationOwner = await principalWithRole(t, 'automation_owner');
    const auditor = await principalWithRole(t, 'auditor');
    for (const key of [automationOwner.key, auditor.key, reviewed.service.key])
      expect(errorCode(await review(key, id, 'approve'))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(auditor.key, QUEUE, {}))).toBe('FORBIDDEN');

    const owned = await pending(ownedByOfficer);
    expect(errorCode(await review(owningOfficer.key, owned, 'approve'))).toBe('FORBIDDEN');
    expect(await queueIds(owningOfficer.key)).not.toContain(owned);
    expect(await queueIds(officer.key)).toContain(owned);
    // Nothing was written by the refused attempts.
    expect(ok(await t.gql(t.adminKey, `{ decision(id: "${owned}") { outcome review { id } } }`)).decision).toEqual({
      outcome: 'PENDING_REVIEW',
      review: null,
    });
  });

  it("leaves out of a reviewer's queue the decisions it recorded itself (it may not review them)", async () => {
    const byAdmin = ok(await t.gql(t.adminKey, RECORD, { i: decisionInput(reviewed, { confidence: 0.3 }) })).recordDecision.decision.id;
    expect(await queueIds(t.adminKey, { automationId: reviewed.automationId })).not.toContain(byAdmin);
    expect(await queueIds(officer.key, { automationId: reviewed.automationId })).toContain(byAdmin);
    expect(errorCode(await review(t.adminKey, byAdmin, 'approve'))).toBe('FORBIDDEN');
  });

  it("redacts the rationale like the decision, and answers with the review's time", async () => {
    const id = await pending(reviewed);
    const result = ok(
      await t.gql(
        officer.key,
        `mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "Called the claimant on +31 6 1234 5678, jane@example.com") {
      review { rationale createdAt } } }`,
        { id },
      ),
    ).reviewDecision;
    expect(result.review.rationale).toBe('Called the claimant on [REDACTED:phone], [REDACTED:email]');
    expect(Date.parse(result.review.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const audit = ok(await t.gql(t.adminKey, `{ decision(id: "${id}") { auditEvents { action after } } }`)).decision.auditEvents;
    expect(JSON.stringify(audit)).not.toContain('jane@example.com');
  });
});

import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { sealAll } from './support/ledger';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

// The console's overview (issue 15, page 1): one query, each field computed by its context.

const OVERVIEW = `query($days: Int!) { complianceOverview {
  models { models versions versionsByStatus { status count } versionsByRiskTier { riskTier count } }
  automations { automations versions versionsByStatus { status count } versionsByRiskClass { riskClass count } }
  datasets { datasets versions }
  decisionsPerDay(days: $days) { day total recorded pendingReview blocked }
  reviewBacklog { waiting oldestRecordedAt oldestWaitingSeconds }
  activePolicyPack { name digest }
  latestCheckpoint { treeSize timestamp note }
  lastVerification { id status result { ok } }
} }`;

const countOf = (list: { count: number }[], field: string, value: string) =>
  list.find((c: Record<string, unknown>) => c[field] === value)?.count;

describe('complianceOverview: the console overview in one query', () => {
  let t: TestApp;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let highRisk: AutomationFixture;
  let plain: AutomationFixture;
  const overview = async (key: string, days = 7) => ok(await t.gql(key, OVERVIEW, { days })).complianceOverview;

  beforeAll(async () => {
    // Jobs in this process: the verification job below runs without a worker.
    t = await startTestApp({ REDIS_URL: '' });
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    plain = await automationFixture(t);
    highRisk = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit', trainingPii: ['contact'] });
  });
  afterAll(() => t?.close());

  it('is empty but complete before anything was decided', async () => {
    const empty = await overview(officer.key, 3);
    expect(empty.decisionsPerDay).toHaveLength(3);
    expect(empty.decisionsPerDay.every((d: { total: number }) => d.total === 0)).toBe(true);
    expect(empty.reviewBacklog).toEqual({ waiting: 0, oldestRecordedAt: null, oldestWaitingSeconds: null });
    expect(empty.activePolicyPack).toBeNull();
    expect(empty.lastVerification).toBeNull();
  });

  it('counts the inventory, the decisions per day, the reviews waiting, the pack and the ledger', async () => {
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "overview test") { digest } }'));
    const record = async (f: AutomationFixture, confidence: number) =>
      ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence }) })).recordDecision.decision;
    const firstPending = await record(highRisk, 0.3);
    await record(highRisk, 0.4);
    await record(plain, 0.9);
    await record(plain, 0.95);
    await record(highRisk, 0.99);
    await sealAll(t);
    const job = ok(await t.gql(officer.key, 'mutation { startLedgerVerification { id } }')).startLedgerVerification;
    await until(
      async () =>
        ok(await t.gql(officer.key, 'query($id: ID!) { ledgerVerification(id: $id) { status } }', { id: job.id })).ledgerVerification
          .status === 'SUCCEEDED',
      'the verification job',
      60_000,
    );

    const o = await overview(officer.key);
    expect(o.models).toMatchObject({ models: 2, versions: 2 });
    expect(countOf(o.models.versionsByStatus, 'status', 'DRAFT')).toBe(2);
    expect(o.models.versionsByStatus.map((c: { status: string }) => c.status)).toEqual([
      'DRAFT',
      'IN_REVIEW',
      'APPROVED',
      'DEPLOYED',
      'DEPRECATED',
      'RETIRED',
    ]);
    expect(countOf(o.models.versionsByRiskTier, 'riskTier', 'LOW')).toBe(2);
    expect(o.automations).toMatchObject({ automations: 2, versions: 2 });
    expect(o.automations.versionsByRiskClass).toEqual([
      { riskClass: 'UNACCEPTABLE', count: 0 },
      { riskClass: 'HIGH', count: 1 },
      { riskClass: 'LIMITED', count: 0 },
      { riskClass: 'MINIMAL', count: 1 },
    ]);
    expect(o.datasets).toEqual({ datasets: 1, versions: 1 });

    expect(o.decisionsPerDay).toHaveLength(7);
    const today = o.decisionsPerDay.at(-1);
    expect(today).toEqual({ day: new Date().toISOString().slice(0, 10), total: 5, recorded: 3, pendingReview: 2, blocked: 0 });
    expect(o.decisionsPerDay.slice(0, 6).every((d: { total: number }) => d.total === 0)).toBe(true);

    expect(o.reviewBacklog.waiting).toBe(2);
    const recordedAt = ok(await t.gql(officer.key, 'query($id: ID!) { decision(id: $id) { recordedAt } }', { id: firstPending.id }))
      .decision.recordedAt;
    expect(o.reviewBacklog.oldestRecordedAt).toBe(recordedAt);
    expect(o.reviewBacklog.oldestWaitingSeconds).toBeGreaterThanOrEqual(0);

    const active = ok(await t.gql(officer.key, '{ activePolicyPack { name digest } }')).activePolicyPack;
    expect(o.activePolicyPack).toEqual(active);
    // The sequencer may sign a newer checkpoint meanwhile (the verification job's own audit events): compare with the one of that size.
    const signed = ok(
      await t.gql(officer.key, 'query($n: SafeInt) { ledgerCheckpoint(treeSize: $n) { treeSize timestamp note } }', {
        n: o.latestCheckpoint.treeSize,
      }),
    ).ledgerCheckpoint;
    expect(o.latestCheckpoint).toEqual(signed);
    expect(o.latestCheckpoint.treeSize).toBeGreaterThan(0);
    expect(o.latestCheckpoint.note).toMatch(/^— /m);
    expect(o.lastVerification).toEqual({ id: job.id, status: 'SUCCEEDED', result: { ok: true } });
  });

  it('takes a review off the backlog once given', async () => {
    const before = (await overview(officer.key)).reviewBacklog.waiting;
    const queue = ok(await t.gql(officer.key, '{ reviewQueue(first: 1) { edges { node { decision { id } } } } }')).reviewQueue;
    const id = queue.edges[0].node.decision.id;
    ok(await t.gql(officer.key, 'mutation($id: ID!) { reviewDecision(id: $id, verdict: APPROVE, rationale: "fine") { id } }', { id }));
    expect((await overview(officer.key)).reviewBacklog.waiting).toBe(before - 1);
  });

  it('is readable by auditors and admins, and refused to other roles', async () => {
    expect((await overview(auditor.key)).automations.automations).toBe(2);
    expect((await overview(t.adminKey)).models.models).toBe(2);
    const owner = await principalWithRole(t, 'model_owner');
    expect(errorCode(await t.gql(owner.key, OVERVIEW, { days: 7 }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(plain.service.key, OVERVIEW, { days: 7 }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(undefined, OVERVIEW, { days: 7 }))).toBe('UNAUTHENTICATED');
  });

  it.each([0, 91, -1])('refuses %i days with VALIDATION_FAILED', async (days) => {
    const res = await t.gql(officer.key, 'query($d: Int!) { complianceOverview { decisionsPerDay(days: $d) { day } } }', { d: days });
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
  });

  it('covers 90 days when asked, ending today', async () => {
    const days = (await overview(officer.key, 90)).decisionsPerDay;
    expect(days).toHaveLength(90);
    expect(days[0].day < days[89].day).toBe(true);
    expect(new Date(`${days[89].day}T00:00:00Z`).getTime() - new Date(`${days[0].day}T00:00:00Z`).getTime()).toBe(89 * 86_400_000);
  });
});

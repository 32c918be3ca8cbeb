import { randomUUID } from 'node:crypto';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { sealAll, whileSequencingLocked } from './support/ledger';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

/** docs/monitoring.md "Drift monitors": daily statistics per automation version, counted as the ledger seals. */
const STATISTICS = `query($v: ID!, $from: String!, $to: String!) { automationVersionStatistics(automationVersionId: $v, from: $from, to: $to) {
  day decisions blocked pendingReview withoutConfidence reviewed overridden confidenceBuckets labels { label count } } }`;
const SET_PATH = `mutation($a: ID!, $p: String) { setMonitoringLabelPath(automationId: $a, path: $p) { automationId path updatedBy updatedAt } }`;
const BATCH = 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded failed } } }';
const REVIEW = `mutation($id: ID!, $verdict: ReviewVerdict!, $out: JSON) {
  reviewDecision(id: $id, verdict: $verdict, rationale: "checked by a person", correctedOutput: $out) { id } }`;

describe('monitoring statistics per automation version', () => {
  let t: TestApp;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let high: AutomationFixture;
  let labelled: AutomationFixture;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    // Registered before the pack is active: a high-risk version without its approvals.
    high = await automationFixture(t, { riskClass: 'HIGH' });
    labelled = await automationFixture(t);
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "monitoring test") { digest } }'));
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
  });
  afterAll(() => t?.close());

  const statistics = (key: string, v: string, from = today, to = today) => t.gql(key, STATISTICS, { v, from, to });

  it('counts confidence buckets, labels, blocks, reviews and overrides of the sealed decisions, by day', async () => {
    const set = ok(await t.gql(officer.key, SET_PATH, { a: high.automationId, p: '$.route' })).setMonitoringLabelPath;
    expect(set).toMatchObject({ automationId: high.automationId, path: '$.route', updatedBy: officer.id });
    // Nothing before the ledger seals (no sequencer runs meanwhile, the embedded one included): the statistics ride on the sealing.
    await whileSequencingLocked(t.databaseUrl, 'default', async () => {
      const record = async (extra: Record<string, unknown>) =>
        ok(await t.gql(high.service.key, RECORD, { i: decisionInput(high, extra) })).recordDecision.decision;
      for (const confidence of [0.95, 0.95, 1])
        expect((await record({ confidence, output: { route: 'fast-track' } })).status).toBe('RECORDED');
      const low = [
        await record({ confidence: 0.05, output: { route: 'manual' } }),
        await record({ confidence: 0.12, output: { route: 'manual' } }),
      ];
      for (const d of low) expect(d.status).toBe('PENDING_REVIEW');
      // The default pack refuses an output that still carries personal data.
      const blocked = await record({ confidence: 0.55, output: { route: 'fast-track', contact: 'jane.doe@example.com' } });
      expect(blocked.status).toBe('BLOCKED');
      await record({ confidence: null, output: { other: 'no route' } });
      ok(await t.gql(officer.key, REVIEW, { id: low[0].id, verdict: 'OVERRIDE', out: { route: 'fast-track' } }));
      ok(await t.gql(officer.key, REVIEW, { id: low[1].id, verdict: 'APPROVE', out: null }));

      expect(ok(await statistics(auditor.key, high.automationVersionId)).automationVersionStatistics).toEqual([]);
    });
    await sealAll(t);
    const [day] = ok(await statistics(auditor.key, high.automationVersionId)).automationVersionStatistics;
    expect(day).toEqual({
      day: today,
      decisions: 7,
      blocked: 1,
      pendingReview: 2,
      withoutConfidence: 1,
      reviewed: 2,
      overridden: 1,
      confidenceBuckets: [1, 1, 0, 0, 0, 1, 0, 0, 0, 3],
      labels: [
        { label: 'fast-track', count: 4 },
        { label: 'manual', count: 2 },
      ],
    });
    // Sealing again counts nothing twice.
    await sealAll(t);
    expect(ok(await statistics(officer.key, high.automationVersionId)).automationVersionStatistics).toEqual([day]);
    expect(ok(await statistics(officer.key, high.automationVersionId, '2020-01-01', '2020-12-31')).automationVersionStatistics).toEqual([]);
  });

  it('keeps the first 50 distinct labels of a version by name and counts the rest as (other)', async () => {
    ok(await t.gql(t.adminKey, SET_PATH, { a: labelled.automationId, p: '$.result.label' }));
    const label = (i: number) => `l${String(i).padStart(2, '0')}`;
    const batch = Array.from({ length: 53 }, (_, i) => decisionInput(labelled, { output: { result: { label: label(i) } } }));
    expect(ok(await t.gql(labelled.service.key, BATCH, { i: { decisions: batch } })).recordDecisions.counts).toEqual({
      recorded: 53,
      failed: 0,
    });
    await sealAll(t);
    const [day] = ok(await statistics(officer.key, labelled.automationVersionId)).automationVersionStatistics;
    expect(day.decisions).toBe(53);
    expect(day.confidenceBuckets[9]).toBe(53);
    const labels = day.labels as { label: string; count: number }[];
    expect(labels[0]).toEqual({ label: '(other)', count: 3 });
    expect(labels.slice(1).map((l) => l.count)).toEqual(new Array(50).fill(1));
    expect(new Set(labels.map((l) => l.label)).size).toBe(51);
  });

  it('counts a decision on the day it happened, not the day it arrived', async () => {
    const f = await automationFixture(t);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const late = [3, 3, 40].map((n) => decisionInput(f, { confidence: 0.35, occurredAt: daysAgo(n).toISOString() }));
    expect(ok(await t.gql(f.service.key, BATCH, { i: { decisions: [...late, decisionInput(f)] } })).recordDecisions.counts).toEqual({
      recorded: 4,
      failed: 0,
    });
    await sealAll(t);
    const days = ok(
      await statistics(auditor.key, f.automationVersionId, daysAgo(60).toISOString().slice(0, 10)),
    ).automationVersionStatistics;
    expect(days.map((d: { day: string; decisions: number }) => [d.day, d.decisions])).toEqual([
      [daysAgo(40).toISOString().slice(0, 10), 1],
      [daysAgo(3).toISOString().slice(0, 10), 2],
      [today, 1],
    ]);
    expect(days[1].confidenceBuckets[3]).toBe(2);
  });

  it('sets the label path as compliance officers and admins only, audited, validated', async () => {
    const owner = await principalWithRole(t, 'automation_owner');
    expect(errorCode(await t.gql(auditor.key, SET_PATH, { a: labelled.automationId, p: '$.x' }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(owner.key, SET_PATH, { a: labelled.automationId, p: '$.x' }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(labelled.service.key, STATISTICS, { v: labelled.automationVersionId, from: today, to: today }))).toBe(
      'FORBIDDEN',
    );
    for (const p of ['route', '$.a..b', "$.a'; DROP TABLE x", '$'])
      expect(errorCode(await t.gql(officer.key, SET_PATH, { a: labelled.automationId, p }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(officer.key, SET_PATH, { a: randomUUID(), p: '$.x' }))).toBe('NOT_FOUND');
    const cleared = ok(await t.gql(officer.key, SET_PATH, { a: labelled.automationId, p: null })).setMonitoringLabelPath;
    expect(cleared).toEqual({ automationId: labelled.automationId, path: null, updatedBy: null, updatedAt: null });
    expect(
      ok(await t.gql(auditor.key, 'query($a: ID!) { monitoringLabelPath(automationId: $a) { path } }', { a: labelled.automationId }))
        .monitoringLabelPath,
    ).toEqual({ path: null });
    const EVENTS = `query($id: String!) { auditEvents(filter: { subjectId: $id, action: "monitoring.label_path_set" }) {
      edges { node { actorId before after } } } }`;
    const events = ok(await t.gql(auditor.key, EVENTS, { id: labelled.automationId })).auditEvents.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { actorId: expect.any(String), before: null, after: { path: '$.result.label' } },
        { actorId: officer.id, before: { path: '$.result.label' }, after: null },
      ]),
    );
  });

  it('refuses a range that is not calendar days, reversed, or longer than a year', async () => {
    const v = labelled.automationVersionId;
    expect(errorCode(await statistics(officer.key, v, '2026-02-30', '2026-03-01'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await statistics(officer.key, v, '2026-03-02', '2026-03-01'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await statistics(officer.key, v, '2025-01-01', '2026-01-02'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await statistics(officer.key, v, '2025-01-01', '2026-01-01'))).toBeUndefined(); // 366 days: a leap-year's worth
    expect(errorCode(await statistics(officer.key, v, 'yesterday', today))).toBe('VALIDATION_FAILED');
    expect(errorCode(await statistics(officer.key, randomUUID()))).toBe('NOT_FOUND');
  });
});

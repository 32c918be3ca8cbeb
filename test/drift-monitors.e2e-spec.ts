import { MonitorEvaluationSweeper, MonitorsService } from '@attest/monitoring';
import { automationFixture, type AutomationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { shiftConfidence } from './support/drift';
import { until } from './support/until';
import { webhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/** docs/monitoring.md "Drift monitors": monitors defined through the API, evaluated, their states audited. */
const FIELDS =
  'id automationVersionId metric referenceDecisions referenceFrom referenceTo windowDays warnAt alertAt state value evaluatedAt';
const DEFINE = `mutation($i: DefineMonitorInput!) { defineMonitor(input: $i) { ${FIELDS} } }`;
const CHANGE = `mutation($id: ID!, $i: MonitorSettingsInput!) { changeMonitor(id: $id, input: $i) { ${FIELDS} } }`;
const MONITORS = `query($v: ID) { monitors(automationVersionId: $v) { ${FIELDS} } }`;
const SERIES = `query($v: ID!, $m: MonitorMetric!, $from: String!, $to: String!) {
  monitorSeries(automationVersionId: $v, metric: $m, from: $from, to: $to) { day value state } }`;
const EVENTS = `query($id: String!) { auditEvents(filter: { subjectId: $id }) { edges { node { action actorId before after } } } }`;

const SUBSCRIBE = `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { subscription { id } } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('drift monitors', () => {
  let t: TestApp;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let f: AutomationFixture;
  let tenantId: string;
  const today = day(0);

  beforeAll(async () => {
    // Jobs in-process (webhooks delivered by the API, as on the embedded default); the receiver is on loopback.
    t = await startTestApp({ REDIS_URL: '', ATTEST_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1', ATTEST_WEBHOOK_BACKOFF_MS: '50' });
    f = await automationFixture(t);
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    tenantId = ok(await t.gql(t.adminKey, '{ tenant { id } }')).tenant.id;
  });
  let rx: WebhookReceiver | undefined;
  afterAll(async () => {
    await rx?.close();
    await t?.close();
  });

  const evaluate = () => t.app.get(MonitorsService).evaluateTenant(tenantId, today, 'drift-monitors-test');

  it('is defined by compliance officers with the metric defaults, read by auditors, and validated', async () => {
    const input = { automationVersionId: f.automationVersionId, metric: 'BLOCKED_RATE', referenceDecisions: 10 };
    expect(errorCode(await t.gql(auditor.key, DEFINE, { i: input }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(f.service.key, MONITORS, { v: f.automationVersionId }))).toBe('FORBIDDEN');
    const refusals = [
      { ...input, referenceFrom: day(-9), referenceTo: day(-8) },
      { ...input, referenceDecisions: undefined },
      { ...input, warnAt: 0.5, alertAt: 0.4 },
      { ...input, referenceDecisions: undefined, referenceFrom: day(-1), referenceTo: day(-2) },
      { ...input, windowDays: 0 },
    ];
    for (const i of refusals) expect([i, errorCode(await t.gql(officer.key, DEFINE, { i }))]).toEqual([i, 'VALIDATION_FAILED']);
    const monitor = ok(await t.gql(officer.key, DEFINE, { i: input })).defineMonitor;
    expect(monitor).toMatchObject({
      metric: 'BLOCKED_RATE',
      referenceDecisions: 10,
      windowDays: 7,
      warnAt: 0.05,
      alertAt: 0.1,
      state: 'NO_DATA',
    });
    expect(errorCode(await t.gql(officer.key, DEFINE, { i: input }))).toBe('CONFLICT');
    expect(ok(await t.gql(auditor.key, MONITORS, { v: f.automationVersionId })).monitors).toEqual([monitor]);
    const [event] = ok(await t.gql(auditor.key, EVENTS, { id: monitor.id })).auditEvents.edges;
    expect(event.node).toMatchObject({
      action: 'monitor.defined',
      actorId: officer.id,
      after: { metric: 'blocked_rate', referenceDecisions: 10 },
    });
  });

  it('raises an alert when confidence shifts from the pinned reference, audits each change, and recovers', async () => {
    const hooks = (rx = await webhookReceiver());
    ok(
      await t.gql(t.adminKey, SUBSCRIBE, {
        i: { automationId: f.automationId, url: hooks.url, events: ['MONITOR_ALERT', 'MONITOR_RECOVERED'] },
      }),
    );
    const psi = ok(
      await t.gql(officer.key, DEFINE, {
        i: { automationVersionId: f.automationVersionId, metric: 'CONFIDENCE_PSI', referenceFrom: day(-30), referenceTo: day(-8) },
      }),
    ).defineMonitor;
    await evaluate();
    expect(
      ok(await t.gql(auditor.key, MONITORS, { v: f.automationVersionId })).monitors.find((m: { id: string }) => m.id === psi.id),
    ).toMatchObject({
      state: 'NO_DATA',
      value: null,
    });
    // Ten days ago, 100 decisions spread evenly over the buckets; today, 20 at 0.95 confidence.
    await shiftConfidence(t, f);

    // PSI by hand: q = (ε × 9, 1), p = 0.1 each, ε = 1e-4: 0.9 ln 10 + 9 (1e-4 − 0.1) ln(1e-4 / 0.1).
    const expected = 0.9 * Math.log(10) + 9 * (1e-4 - 0.1) * Math.log(1e-3);
    const transitions = await evaluate();
    expect(transitions).toContainEqual({
      monitorId: psi.id,
      automationVersionId: f.automationVersionId,
      metric: 'confidence_psi',
      from: 'no_data',
      to: 'alert',
      value: expect.closeTo(expected, 10),
    });
    expect(await evaluate()).toEqual([]); // no change, nothing audited again
    const [alert] = await until(async () => (hooks.received.length > 0 ? hooks.received : undefined), 'the monitor.alert webhook');
    expect(alert.event).toBe('monitor.alert');
    expect(alert.body).toEqual({
      id: expect.any(String),
      event: 'monitor.alert',
      monitor: {
        id: psi.id,
        automationId: f.automationId,
        automationVersionId: f.automationVersionId,
        metric: 'confidence_psi',
        state: 'alert',
        previousState: 'no_data',
        value: expect.closeTo(expected, 10),
        warnAt: 0.1,
        alertAt: 0.25,
        asOf: today,
      },
    });
    const series = ok(
      await t.gql(auditor.key, SERIES, { v: f.automationVersionId, m: 'CONFIDENCE_PSI', from: day(-2), to: today }),
    ).monitorSeries;
    expect(series.map((p: { day: string; state: string }) => [p.day, p.state])).toEqual([
      [day(-2), 'NO_DATA'],
      [day(-1), 'NO_DATA'],
      [today, 'ALERT'],
    ]);
    expect(series[2].value).toBeCloseTo(expected, 10);

    // Raising the thresholds: warn, then ok (recovery), each an audited state change.
    ok(await t.gql(officer.key, CHANGE, { id: psi.id, i: { alertAt: 100 } }));
    expect((await evaluate()).map((x) => [x.from, x.to])).toEqual([['alert', 'warn']]);
    ok(await t.gql(officer.key, CHANGE, { id: psi.id, i: { warnAt: 50 } }));
    expect((await evaluate()).map((x) => [x.from, x.to])).toEqual([['warn', 'ok']]);
    // alert → warn is no webhook (audited only); warn → ok is the recovery.
    await until(async () => (hooks.received.length > 1 ? hooks.received : undefined), 'the monitor.recovered webhook');
    expect(hooks.received.map((r) => [r.event, r.body.monitor.state])).toEqual([
      ['monitor.alert', 'alert'],
      ['monitor.recovered', 'ok'],
    ]);
    const actions = ok(await t.gql(auditor.key, EVENTS, { id: psi.id })).auditEvents.edges.map(
      (e: { node: { action: string; after: { state?: string } } }) =>
        `${e.node.action}${e.node.after.state ? ` ${e.node.after.state}` : ''}`,
    );
    expect(actions.sort()).toEqual(
      [
        'monitor.defined',
        'monitor.state_changed alert',
        'monitor.changed',
        'monitor.state_changed warn',
        'monitor.changed',
        'monitor.state_changed ok',
      ].sort(),
    );
    expect(errorCode(await t.gql(auditor.key, CHANGE, { id: psi.id, i: { warnAt: 1 } }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(officer.key, CHANGE, { id: psi.id, i: { warnAt: 200 } }))).toBe('VALIDATION_FAILED');
  });

  it('is swept once per tenant with monitors, and its series refuses a range it cannot serve', async () => {
    expect(await t.app.get(MonitorEvaluationSweeper).sweep()).toBeGreaterThanOrEqual(1);
    expect(errorCode(await t.gql(auditor.key, SERIES, { v: f.automationVersionId, m: 'LABEL_PSI', from: today, to: today }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await t.gql(auditor.key, SERIES, { v: f.automationVersionId, m: 'CONFIDENCE_PSI', from: today, to: day(-1) }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

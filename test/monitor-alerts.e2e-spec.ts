import { automationFixture, type AutomationFixture } from './support/decision-fixtures';
import { defineShiftedMonitor, evaluateMonitors, recoverMonitor, shiftConfidence } from './support/drift';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

/** docs/monitoring.md "Monitors that need attention": monitors by state, named by their automation and version. */
const ATTENTION = `query($states: [MonitorState!], $v: ID) {
  monitors(states: $states, automationVersionId: $v) {
    id metric state value warnAt alertAt stateSince automationId automationVersionId
    automation { id key name }
    automationVersion { id version }
  }
}`;

describe('monitors by state', () => {
  let t: TestApp;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let shifted: AutomationFixture;
  let quiet: AutomationFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    shifted = await automationFixture(t);
    quiet = await automationFixture(t);
    await shiftConfidence(t, shifted);
    // The same shift: PSI ≈ 5.7 (alert), KS's D = 0.9 (warn under these thresholds); the quiet version has no data.
    ids.alert = await defineShiftedMonitor(t, officer.key, shifted, 'CONFIDENCE_PSI');
    ids.warn = await defineShiftedMonitor(t, officer.key, shifted, 'CONFIDENCE_KS', { warnAt: 0.5, alertAt: 0.95 });
    ids.noData = await defineShiftedMonitor(t, officer.key, quiet, 'CONFIDENCE_PSI');
    await evaluateMonitors(t);
  });
  afterAll(() => t?.close());

  it('lists only the monitors in the states asked for, each named by its automation and version', async () => {
    const { monitors } = ok(await t.gql(auditor.key, ATTENTION, { states: ['ALERT', 'WARN'] }));
    expect(monitors.map((m: { id: string }) => m.id).sort()).toEqual([ids.alert, ids.warn].sort());
    const alert = monitors.find((m: { id: string }) => m.id === ids.alert);
    expect(alert).toMatchObject({
      metric: 'CONFIDENCE_PSI',
      state: 'ALERT',
      value: expect.any(Number),
      alertAt: 0.25,
      automationId: shifted.automationId,
      automationVersionId: shifted.automationVersionId,
      automation: { id: shifted.automationId, key: shifted.automationKey, name: shifted.automationKey },
      automationVersion: { id: shifted.automationVersionId, version: expect.any(String) },
    });
    expect(monitors.find((m: { id: string }) => m.id === ids.warn)).toMatchObject({ state: 'WARN', value: expect.closeTo(0.9, 10) });

    const noData = ok(await t.gql(auditor.key, ATTENTION, { states: ['NO_DATA'] })).monitors;
    expect(noData.map((m: { id: string }) => m.id)).toEqual([ids.noData]);
    const everything = ok(await t.gql(auditor.key, ATTENTION, {})).monitors;
    expect(everything).toHaveLength(3);
  });

  it('combines the state filter with the automation version', async () => {
    const onQuiet = ok(await t.gql(officer.key, ATTENTION, { states: ['ALERT'], v: quiet.automationVersionId })).monitors;
    expect(onQuiet).toEqual([]);
    const onShifted = ok(await t.gql(officer.key, ATTENTION, { states: ['ALERT'], v: shifted.automationVersionId })).monitors;
    expect(onShifted.map((m: { id: string }) => m.id)).toEqual([ids.alert]);
  });

  it('refuses a state that does not exist, an empty list of states, and callers who may not read monitors', async () => {
    expect(errorCode(await t.gql(auditor.key, ATTENTION, { states: ['PANIC'] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(auditor.key, '{ monitors(states: [PANIC]) { id } }'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(auditor.key, ATTENTION, { states: [] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.gql(shifted.service.key, ATTENTION, { states: ['ALERT'] }))).toBe('FORBIDDEN');
  });

  it('drops a recovered monitor from the alerts', async () => {
    await recoverMonitor(t, officer.key, ids.alert);
    const { monitors } = ok(await t.gql(auditor.key, ATTENTION, { states: ['ALERT', 'WARN'] }));
    expect(monitors.map((m: { id: string }) => m.id)).toEqual([ids.warn]);
    const [recovered] = ok(await t.gql(auditor.key, ATTENTION, { states: ['OK'] })).monitors;
    expect(recovered).toMatchObject({ id: ids.alert, state: 'OK' });
  });
});

import type { Browser } from 'playwright-core';
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
import { automationFixture, type AutomationFixture } from '../support/decision-fixtures';
import { defineShiftedMonitor, evaluateMonitors, recoverMonitor, shiftConfidence } from '../support/drift';
import { principalWithRole } from '../support/test-app';

// Drift alerts as a compliance officer meets them (docs/console.md, "Overview"; docs/monitoring.md):
// a crossing is a line on the overview that leads to the automation's monitors and their chart;
// a recovery takes the line away.
describeInBrowser('console drift alerts', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let officer: { id: string; key: string };
  let f: AutomationFixture;
  let monitorId: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    officer = await principalWithRole(server.t, 'compliance_officer', { name: 'Olivia Officer' });
    f = await automationFixture(server.t);
    await shiftConfidence(server.t, f);
    monitorId = await defineShiftedMonitor(server.t, officer.key, f, 'CONFIDENCE_PSI');
    await evaluateMonitors(server.t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows an alert on the overview, leads to the monitor and its chart, and says no alerts once it recovers', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    const alerts = page.getByTestId('drift-alerts');
    const line = alerts.getByTestId('drift-alert');
    await line.first().waitFor();
    expect(await line.count()).toBe(1);
    const text = await line.innerText();
    expect(text).toContain(`${f.automationKey} 1`);
    expect(text).toContain('alert');
    expect(text).toContain('confidence shift (PSI)');
    expect(text).toContain('alert ≥ 0.250');
    await page.getByTestId('decisions-per-day').locator('figcaption').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'overview-drift-alert');

    await line.getByRole('link', { name: `${f.automationKey} 1` }).click();
    await page.waitForURL((url) => url.pathname === `/inventory/automations/${f.automationId}`);
    expect(new URL(page.url()).searchParams.get('version')).toBe(f.automationVersionId);
    const monitor = page.getByTestId('monitors').getByTestId('monitor');
    await monitor.getByRole('heading', { name: 'confidence shift (PSI)' }).waitFor();
    expect(await monitor.getByTestId('monitor-state').innerText()).toBe('alert');
    expect(await monitor.innerText()).toContain('warn from 0.100, alert from 0.250');
    const chart = monitor.getByTestId('monitor-chart');
    await chart.locator('.recharts-line').waitFor();
    // The reference day (ten days ago) is in seven daily windows, where it matches itself: ok.
    expect(await chart.locator('figcaption').innerText()).toContain('1 at alert, 0 at warning, 7 ok, 22 without data');
    expect(await chart.locator('.recharts-reference-line').count()).toBe(2);
    await expectAccessible(page);
    await screenshot(page, 'automation-monitors');

    // Recovery: the overview asks again when it opens, and the line is gone.
    await recoverMonitor(server.t, officer.key, monitorId);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /Overview/ })
      .click();
    await page.waitForURL((url) => url.pathname === '/');
    await alerts.getByTestId('no-drift-alerts').waitFor();
    expect(await alerts.innerText()).toContain('No drift alerts');
    expect(await alerts.getByTestId('drift-alert').count()).toBe(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

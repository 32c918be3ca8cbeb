import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { automationFixture, decisionInput, RECORD } from '../support/decision-fixtures';
import { ok, principalWithRole, REPO_ROOT } from '../support/test-app';

// Policies and simulations as the people who use them meet them (docs/console.md, "Policies and
// simulations"): a compliance officer reads the active pack, an admin activates another after
// reading what it changes, the officer simulates going back, an auditor reads the report.
describeInBrowser('console policies and simulations', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let policiesDir: string;
  let admin: { id: string; key: string };
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  const decisions: string[] = [];

  beforeAll(async () => {
    // A private policies folder with a "strict" pack: the high-risk confidence threshold raised to 0.75 (and its test with it).
    policiesDir = mkdtempSync(join(tmpdir(), 'attest-policies-'));
    cpSync(join(REPO_ROOT, 'policies'), policiesDir, { recursive: true });
    cpSync(join(policiesDir, 'default'), join(policiesDir, 'strict'), { recursive: true });
    const policy = join(policiesDir, 'strict', 'high-risk-low-confidence-review.yaml');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('value: 0.7 }', 'value: 0.75 }').replace('version: 1', 'version: 2'));
    const tests = join(policiesDir, 'strict', 'tests', 'decisions.yaml');
    writeFileSync(tests, readFileSync(tests, 'utf8').replace('confidence: 0.7 }', 'confidence: 0.75 }'));
    // In-process jobs: the simulation runs in the API itself.
    server = await startConsoleServer({ ATTEST_POLICIES_DIR: policiesDir, REDIS_URL: '' });
    const t = server.t;
    admin = await principalWithRole(t, 'admin', { name: 'Ada Admin' });
    officer = await principalWithRole(t, 'compliance_officer', { name: 'Olivia Officer' });
    auditor = await principalWithRole(t, 'auditor', { name: 'Aude Auditor' });
    const f = await automationFixture(t, { riskClass: 'HIGH', domain: 'credit' });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "Approved by the AI board in March") { id } }'));
    for (const confidence of [0.72, 0.74, 0.95, 0.6]) {
      decisions.push(ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { confidence }) })).recordDecision.decision.id);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(policiesDir, { recursive: true, force: true });
  });

  it('shows a compliance officer the active pack: policies in words, tests passing, the history, and no activation', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.goto('/policies');
    const policy = page.getByTestId('policy-high-risk-low-confidence-review');
    await policy.waitFor();
    expect(await policy.getByTestId('conditions-text').innerText()).toBe(
      'Matches when automation.riskClass is high and decision.confidence is less than 0.7.',
    );
    expect(await policy.innerText()).toContain('EU-AI-Act:Art.14');
    expect(await page.getByTestId('activation-history').innerText()).toContain('Approved by the AI board in March');
    expect(await page.getByRole('heading', { name: 'Activate another pack' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'policies');
    await page.getByRole('tab', { name: /^Tests/ }).click();
    expect(await page.getByTestId('pack-tests-summary').innerText()).toMatch(/^(\d+) of \1 cases pass/);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an admin activate a pack after seeing its diff, with a rationale', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, admin);
    await page.goto('/policies');
    await page.getByRole('heading', { name: 'Activate another pack' }).waitFor();
    await page.getByRole('combobox', { name: 'Pack on the server' }).click();
    await page.getByRole('option', { name: 'strict' }).click();
    expect(await page.getByRole('button', { name: 'Activate strict' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Review changes' }).click();
    const change = page.getByTestId('preview-high-risk-low-confidence-review');
    await change.waitFor();
    const text = await change.innerText();
    expect(text).toContain('changed');
    expect(text).toContain('version: 1 → 2');
    expect(text).toContain('decision.confidence is less than 0.75');
    expect(await page.getByTestId('pack-preview').locator('[data-testid^="preview-"]').count()).toBe(1);
    const activate = page.getByRole('button', { name: 'Activate strict' });
    expect(await activate.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Rationale for activating "strict"' }).fill('Tighter review of high-risk credit decisions');
    await expectAccessible(page);
    await screenshot(page, 'policies-activate-diff');
    await activate.click();
    await page.getByTestId('activation-done').waitFor();
    await page.getByRole('heading', { name: 'Active pack strict' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('activation-history').getByText('Tighter review of high-risk credit decisions').waitFor({ timeout: 60_000 });
    const active = ok(await server.t.gql(admin.key, '{ activePolicyPack { name rationale activatedBy } }')).activePolicyPack;
    expect(active).toEqual({ name: 'strict', rationale: 'Tighter review of high-risk credit decisions', activatedBy: admin.id });
    expect(problems).toEqual([]);
    await context.close();
  });

  let simulationPath = '';
  it('lets a compliance officer simulate a candidate pack, watch it run and read its flips with links to the decisions', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.goto('/simulations');
    await page.getByRole('heading', { name: 'Simulate a candidate pack' }).waitFor();
    await expectAccessible(page);
    const dir = join(REPO_ROOT, 'policies/default');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    await page.locator('input[type="file"]').setInputFiles(files.map((f) => join(dir, f)));
    await page.getByRole('textbox', { name: 'Label' }).fill('Back to the 0.7 threshold');
    await page.getByRole('button', { name: 'Start simulation' }).click();
    await page.waitForURL((url) => /^\/simulations\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 60_000 });
    simulationPath = new URL(page.url()).pathname;
    await page.getByTestId('simulation-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('simulation-status').innerText()).toBe('completed');
    expect(await page.getByTestId('figure-Changed').innerText()).toBe('2');
    const byPolicy = page.getByRole('region', { name: 'By policy' });
    expect(await byPolicy.innerText()).toMatch(/high-risk-low-confidence-review\s+0\s+2/);
    expect(await page.getByRole('region', { name: 'Flips by effect' }).innerText()).toMatch(/require review\s+allow\s+2/);
    const examples = page.getByRole('region', { name: 'Example decisions' });
    await expectAccessible(page);
    await screenshot(page, 'simulation-report');
    const link = examples.getByRole('link').first();
    const href = await link.getAttribute('href');
    expect([decisions[0], decisions[1]].map((id) => `/decisions/${id}`)).toContain(href);
    await link.click();
    await page.waitForURL((url) => url.pathname === href);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an auditor read past simulations and their reports, without starting one', async () => {
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, auditor);
    await page.goto('/simulations');
    const table = page.getByTestId('simulations-table');
    await table.getByRole('link', { name: 'Back to the 0.7 threshold' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Simulate a candidate pack' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'simulations');
    await table.getByRole('link', { name: 'Back to the 0.7 threshold' }).click();
    await page.waitForURL((url) => url.pathname === simulationPath);
    await page.getByTestId('simulation-report').waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

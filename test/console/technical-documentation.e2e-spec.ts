import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
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
import { pdfText } from '../support/pdf';
import { principalWithRole } from '../support/test-app';

// The technical documentation as a compliance officer meets it on an automation's page
// (docs/evidence.md, "Technical documentation"): the score, the gaps named, the downloads, the documents handed out.
describeInBrowser('console technical documentation', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let officer: { id: string; key: string };
  let owner: { id: string; key: string };
  let f: AutomationFixture;

  beforeAll(async () => {
    server = await startConsoleServer();
    officer = await principalWithRole(server.t, 'compliance_officer', { name: 'Olivia Officer' });
    owner = await principalWithRole(server.t, 'automation_owner', { name: 'Owen Owner' });
    f = await automationFixture(server.t, { trainingPii: ['contact'] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the completeness with each gap named, downloads the PDF and lists it with its digest', async () => {
    const { page, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.goto(`/inventory/automations/${f.automationId}?version=${f.automationVersionId}`);
    const section = page.getByTestId('technical-documentation');
    await section.getByTestId('completeness').waitFor();
    expect(await section.getByTestId('completeness').innerText()).toMatch(/^Completeness: \d of 9 sections have their facts \(\d+ %\)$/);
    const gaps = await section.getByTestId('documentation-gaps').innerText();
    expect(gaps).toContain('7. Post-market monitoring plan (Annex IV, point 9; Art. 72): Gap: no drift or quality monitor is configured');
    expect(gaps).toMatch(/3\. Validation and testing.*Gap: no evaluation metric is recorded for model-/);
    await section.getByText('None yet').waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`annex-iv-${f.automationKey}-1.pdf`);
    const bytes = await readFile((await download.path())!);
    expect(pdfText(bytes)).toContain(`Technical documentation: ${f.automationKey} 1`);
    const stored = section.getByTestId('stored-documents');
    await stored.waitFor({ timeout: 30_000 });
    const row = await stored.locator('tbody tr').first().innerText();
    expect(row).toContain('annex iv');
    expect(row).toContain('PDF');
    const digest = createHash('sha256').update(bytes).digest('hex');
    expect(await stored.locator('code').first().getAttribute('title')).toBe(digest);
    await expectAccessible(page);
    await screenshot(page, 'automation-technical-documentation');
    expect(problems).toEqual([]);
  });

  it('hides the section from an automation owner, whom the API refuses too', async () => {
    const { page } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, owner);
    await page.goto(`/inventory/automations/${f.automationId}?version=${f.automationVersionId}`);
    await page.getByRole('heading', { name: 'Version 1' }).waitFor();
    expect(await page.getByTestId('technical-documentation').count()).toBe(0);
    const refused = await page.request.get(
      `/api/v1/evidence/technical-documentation?automationVersionId=${f.automationVersionId}&format=PDF`,
    );
    expect(refused.status()).toBe(403);
  });
});

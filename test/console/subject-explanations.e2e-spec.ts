import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from '../support/decision-fixtures';
import { errorCode, ok, principalWithRole } from '../support/test-app';
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

// "People decided about" (docs/console.md): a compliance officer hands a person their explanation and
// relays their contest; an auditor, whom the API refuses both, has no entry and is told so.
const EXPLAIN = `query($s: String!) { subjectExplanation(subjectRef: $s) { pdf { sha256 } decisions { decisionId } } }`;

describeInBrowser('console: people decided about (explanations and contests)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };

  async function record(subjectRef: string): Promise<string> {
    const { decision } = ok(await server.t.gql(f.service.key, RECORD, { i: decisionInput(f, { subjectRef }) })).recordDecision;
    return decision.id as string;
  }

  beforeAll(async () => {
    server = await startConsoleServer({ REDIS_URL: '' });
    browser = await launchBrowser();
    officer = await principalWithRole(server.t, 'compliance_officer', { name: 'Ada Officer' });
    auditor = await principalWithRole(server.t, 'auditor', { name: 'Aud Itor' });
    f = await automationFixture(server.t);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a compliance officer explains a person’s decisions, downloads the PDF and contests one on their behalf', async () => {
    const subjectRef = `customer-${randomUUID()}`;
    const older = await record(subjectRef);
    const newer = await record(subjectRef);
    await record(`customer-${randomUUID()}`); // someone else's: never shown

    const { page, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    await page.getByRole('link', { name: 'People decided about' }).click(); // in the navigation, for who may explain
    await page.getByRole('heading', { name: 'People decided about', level: 1 }).waitFor();
    const reference = page.getByRole('textbox', { name: "The person's reference" });

    await reference.fill(`nobody-${randomUUID()}`);
    await page.getByRole('button', { name: 'Explain' }).click();
    await page.getByTestId('empty-state').getByText('No decision is about this person').waitFor({ timeout: 60_000 });

    await reference.fill(subjectRef);
    // The explanation as the API answered this page (each answer is generated afresh: its own PDF and digest).
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query SubjectExplanation')),
      page.getByRole('button', { name: 'Explain' }).click(),
    ]);
    const api = (
      (await answer.json()) as { data: { subjectExplanation: { pdf: { sha256: string }; decisions: { decisionId: string }[] } } }
    ).data.subjectExplanation;
    expect(api.decisions.map((d) => d.decisionId)).toEqual([newer, older]);
    const sections = page.getByTestId('explained-decision');
    await sections.nth(1).waitFor({ timeout: 60_000 });
    expect(await sections.count()).toBe(2);
    expect(await sections.first().getAttribute('aria-label')).toBe(`Decision ${newer}`); // newest first
    expect(page.url()).not.toContain(subjectRef); // it identifies a person: never in the address
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(subjectRef);
    await page.getByTestId('subject-explanation').getByText('Main factors').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'subject-explanation');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(api.pdf.sha256);
    await page.locator(`code[title="${api.pdf.sha256}"]`).waitFor(); // the digest the officer passes on with it
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    expect((await readFile((await html.path())!)).toString('utf8')).toMatch(/^<!doctype html>/i);

    const section = page.getByRole('region', { name: `Decision ${older}` });
    await section.getByTestId('explained-contests').getByText('The person has not contested it.').waitFor();
    await section.getByRole('button', { name: `Contest on their behalf: ${older}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Contest on their behalf' });
    await dialog.getByRole('textbox', { name: 'Their reason' }).fill('I was never asked about my claim history');
    await dialog.getByRole('textbox', { name: 'How to reach them (optional)' }).fill('jane.doe@example.com');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Contest' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await section.getByTestId('contest-open').waitFor({ timeout: 60_000 }); // refetched: the contest shows
    await section.getByTestId('explained-contests').getByText('open', { exact: true }).waitFor();

    // A second contest while the first is open: the API's refusal, with its code, in the dialog.
    await section.getByRole('button', { name: `Contest on their behalf: ${older}` }).click();
    await dialog.getByRole('textbox', { name: 'Their reason' }).fill('Asking again');
    await dialog.getByRole('button', { name: 'Contest' }).click();
    await dialog.getByTestId('api-error').getByText('CONFLICT', { exact: true }).waitFor({ timeout: 60_000 });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an auditor has no entry, the page says they may not, and the API refuses them too', async () => {
    const subjectRef = `customer-${randomUUID()}`;
    const decisionId = await record(subjectRef);
    const { page } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, auditor);
    await page.getByRole('link', { name: 'Audit trail' }).waitFor(); // the navigation has loaded
    expect(await page.getByRole('link', { name: 'People decided about' }).count()).toBe(0);
    await page.goto('/subjects');
    await page.getByRole('heading', { name: 'People decided about', level: 1 }).waitFor();
    await page.getByTestId('subjects-refused').getByText('Your role may not explain decisions').waitFor();
    expect(await page.getByRole('textbox', { name: "The person's reference" }).count()).toBe(0);
    await expectAccessible(page);
    expect(errorCode(await server.t.gql(auditor.key, EXPLAIN, { s: subjectRef }))).toBe('FORBIDDEN');
    const contest = `mutation($d: ID!) { contestDecision(decisionId: $d, reason: "for them") { id } }`;
    expect(errorCode(await server.t.gql(auditor.key, contest, { d: decisionId }))).toBe('FORBIDDEN');
    await page.context().close();
  });
});

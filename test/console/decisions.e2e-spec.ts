import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { verifyEvidencePack } from '@attest/evidence';
import { csvObjects } from '../support/csv';
import { publishedKey } from '../support/evidence-packs';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from '../support/decision-fixtures';
import { sealAll } from '../support/ledger';
import { ok, principalWithRole } from '../support/test-app';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  signInAs,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';

// The decisions pages as the people who use them (docs/console.md, "Decisions"): a compliance officer
// filters and exports, reads a decision's trace and sees its seal verified in the browser (and not
// verified when the proof is altered in transit); an auditor sees the input and output withheld.
const LIST = `query($filter: DecisionFilter) { decisions(first: 100, filter: $filter) { edges { node { id } } } }`;

/** A claim decided with a full trace: attributions, a rule, a retrieval, a language model and a tool call, a note. */
const TRACE = [
  { featureAttribution: { feature: 'injury_code', value: 'S13.4', weight: 0.41 } },
  { featureAttribution: { feature: 'loss_amount', value: 18450, weight: 0.22 } },
  { featureAttribution: { feature: 'vehicle_age_years', value: 7, weight: -0.05 } },
  { ruleFired: { ruleId: 'injury-claims-to-specialist', outcome: 'matched' } },
  { retrieval: { sourceUri: 's3://kb/claims/fnol-field-guide/v7.md', digest: `sha256:${'8'.repeat(64)}`, score: 0.82 } },
  {
    llmCall: {
      model: 'gpt-4o-2024-08-06',
      promptDigest: `sha256:${'2'.repeat(64)}`,
      prompt: 'Summarise the claim of maria.jensen@example.net',
      completion: 'Neck injury after a rear-end collision',
      promptTokens: 412,
      completionTokens: 38,
    },
  },
  { toolCall: { name: 'policy-lookup', argsDigest: `sha256:${'9'.repeat(64)}`, resultDigest: `sha256:${'e'.repeat(64)}` } },
  { note: { text: 'Claimant asked to be called back' } },
];

describeInBrowser('console decisions (compliance officer, auditor)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let traced: { id: string };
  const correlation = `claim-${Date.now()}`;

  const record = async (extra: Record<string, unknown>) =>
    ok(await server.t.gql(f.service.key, RECORD, { i: decisionInput(f, extra) })).recordDecision.decision as { id: string; status: string };

  /** The person's own browser context, signed in as them (a session, from a one-time link), then at `path`. */
  async function signedIn(principal: { id: string }, path: string) {
    const opened = await openConsole(browser, server.url, '/sign-in');
    await signInAs(opened.page, server, principal);
    await opened.page.goto(path);
    return opened;
  }

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const t = server.t;
    // High risk: a confidence below 0.7 goes to review (default pack); trained on a dataset, for the lineage chain.
    f = await automationFixture(t, { riskClass: 'HIGH', oversightMode: 'NONE', trainingPii: ['none'] });
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "console decisions test") { digest } }'));
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    traced = await record({
      idempotencyKey: `fnol-traced-${Date.now()}`,
      correlationId: correlation,
      input: { claimId: 'CLM-118741', claimant: { email: 'maria.jensen@example.net' }, lossAmount: 18450, injuryCode: 'S13.4' },
      output: { route: 'specialist', severityBand: 'severe' },
      confidence: 0.64,
      explanation: TRACE,
    });
    for (const confidence of [0.97, 0.91, 0.66, 0.52, 0.88]) await record({ confidence, correlationId: `${correlation}-${confidence}` });
    await sealAll(t);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a compliance officer filter decisions and export the same rows as CSV', async () => {
    const { page, context, problems } = await signedIn(officer, '/decisions');
    await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await expectAccessible(page);

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'pending review' }).click();
    await page.getByLabel('Confidence at most').fill('0.7');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'PENDING_REVIEW' && url.searchParams.get('maxConfidence') === '0.7');

    const filter = { status: 'PENDING_REVIEW', maxConfidence: 0.7 };
    const expected = ok(await server.t.gql(officer.key, LIST, { filter })).decisions.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(expected).toHaveLength(3);
    await waitForRows(page, expected.length);
    const shownLinks = await page
      .getByRole('table')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(shownLinks).toEqual(expected.map((id: string) => `/decisions/${id}`));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^decisions-.*\.csv$/);
    const rows = csvObjects(await readFile((await download.path())!, 'utf8'));
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(rows.every((r) => r.status === 'PENDING_REVIEW' && Number(r.confidence) <= 0.7)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the empty state for a time range without decisions, and the API's refusal of a reversed one with its code", async () => {
    const { page, context, problems } = await signedIn(officer, '/decisions?from=2030-01-01T00:00:00.000Z');
    await page.getByTestId('empty-state').getByText('No decision matches').waitFor();
    await page.goto('/decisions?from=2026-12-02T00:00:00.000Z&to=2026-12-01T00:00:00.000Z');
    const error = page.getByTestId('api-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('VALIDATION_FAILED');
    // The pickers show the URL's times, in UTC.
    expect(await page.getByRole('button', { name: 'Decided from (UTC)' }).innerText()).toContain('2026');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages through the filtered list with the API cursors, forward and back', async () => {
    const batch = Array.from({ length: 30 }, () => decisionInput(f, { confidence: 0.99, correlationId: `${correlation}-paged` }));
    ok(
      await server.t.gql(f.service.key, 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded } } }', {
        i: { decisions: batch },
      }),
    );
    const filter = { correlationId: `${correlation}-paged` };
    const all = ok(await server.t.gql(officer.key, LIST, { filter })).decisions.edges.map(
      (e: { node: { id: string } }) => `/decisions/${e.node.id}`,
    );
    expect(all).toHaveLength(30);
    const { page, context } = await signedIn(officer, `/decisions?correlationId=${correlation}-paged`);
    const shown = () =>
      page
        .getByRole('table')
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await waitForRows(page, 25);
    expect(await shown()).toEqual(all.slice(0, 25));
    await page.getByRole('button', { name: 'Next page' }).click();
    await waitForRows(page, 5);
    expect(await shown()).toEqual(all.slice(25));
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await waitForRows(page, 25);
    expect(await shown()).toEqual(all.slice(0, 25));
    await context.close();
  });

  it("shows a decision's trace, policies and lineage, and its seal verified in the browser", async () => {
    const { page, context, problems } = await signedIn(officer, `/decisions/${traced.id}`);
    await expectVerdict(page, 'Verified');
    expect(await page.getByTestId('seal-checks').getByText(': passed').count()).toBe(4);
    const published = (await (await fetch(`${server.url}/.well-known/attest/ledger-key`)).json()) as { keyId: string };
    expect(await page.getByTestId('seal-key').innerText()).toContain(published.keyId);

    await page.getByTestId('attribution-chart').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('attribution-chart').locator('.recharts-bar-rectangle').count()).toBe(3);
    await page.getByTestId('trace-rules').getByText('injury-claims-to-specialist').waitFor();
    await page.getByTestId('trace-retrievals').getByText('s3://kb/claims/fnol-field-guide/v7.md').waitFor();
    await page.getByTestId('trace-llm-calls').getByText('gpt-4o-2024-08-06').waitFor();
    await page.getByTestId('trace-tool-calls').getByText('policy-lookup').waitFor();
    // Stored redacted: the e-mail in the prompt and in the input never reach the page.
    expect(await page.content()).not.toContain('maria.jensen@example.net');
    await page.getByTestId('redactions').getByText('$.input.claimant.email').waitFor();

    await page.getByTestId('matched-policy').getByText('High-risk decision with confidence below 0.7 needs human review.').waitFor();
    await page.getByTestId('policy-evaluation').getByText('EU-AI-Act:Art.14').first().waitFor();
    await page.getByTestId('pack-digest').waitFor();
    // From the dataset the model was trained on to this decision.
    const lineage = page.getByTestId('lineage');
    await lineage.getByText('dataset version').waitFor();
    expect(await lineage.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/inventory\/datasets\/versions\//),
        expect.stringMatching(`^/inventory/automations/${f.automationId}\\?version=${f.automationVersionId}$`),
      ]),
    );

    await expectAccessible(page);
    // A hop opens its inventory page, in the app.
    await lineage.locator(`a[href^="/inventory/automations/${f.automationId}"]`).click();
    await page.waitForURL((url) => url.pathname === `/inventory/automations/${f.automationId}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets a compliance officer download the decision's evidence pack, which verifies offline", async () => {
    const { page, context, problems } = await signedIn(officer, `/decisions/${traced.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Evidence pack' }).click()]);
    expect(download.suggestedFilename()).toBe(`evidence-decision-${traced.id}.zip`);
    const pack = await readFile((await download.path())!);
    const verification = verifyEvidencePack(pack, { publicKey: (await publishedKey(server.t)).key });
    expect(verification.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows not verified, naming the failing step, when the proof is altered in transit', async () => {
    const { page, context } = await signedIn(officer, '/sign-in');
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('ledgerInclusionProof')) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      const hashes: string[] = body.data.ledgerInclusionProof.hashes;
      // One bit of the audit path flipped; with a one-leaf tree there is no path, so the leaf is edited instead.
      if (hashes.length > 0) {
        const first = Buffer.from(hashes[0], 'base64');
        first[0] ^= 1;
        hashes[0] = first.toString('base64');
      } else {
        body.data.ledgerInclusionProof.leaf = body.data.ledgerInclusionProof.leaf.replace('"decision"', '"Decision"');
      }
      return route.fulfill({ response, json: body });
    });
    await page.goto(`/decisions/${traced.id}`);
    await expectVerdict(page, 'Not verified');
    const failed = page.getByTestId('seal-checks').locator('[data-ok="false"]');
    expect(await failed.count()).toBeGreaterThan(0);
    expect(await failed.first().innerText()).toContain("The leaf's audit path leads to the signed root (RFC 9162): failed");
    expect(await page.getByTestId('seal-result').innerText()).toContain('Failed at:');
    await context.close();
  });

  it('says a decision not sealed yet is not sealed yet, and verifies it once sealed', async () => {
    const fresh = await record({ confidence: 0.95 });
    const { page, context } = await signedIn(officer, `/decisions/${fresh.id}`);
    // On the embedded default the in-process sequencer may seal it first: then it is verified at once.
    const first = await readVerdict(page);
    expect(['Not sealed yet', 'Verified']).toContain(first);
    await sealAll(server.t);
    await page.getByRole('button', { name: 'Check again' }).click();
    await expectVerdict(page, 'Verified');
    await context.close();
  });

  it('shows an auditor the input, the output and the trace quotes as withheld', async () => {
    const { page, context, problems } = await signedIn(auditor, `/decisions/${traced.id}`);
    await page.getByRole('heading', { name: 'Input' }).waitFor();
    const withheld = page.getByTestId('withheld');
    await withheld.first().waitFor();
    expect(await withheld.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('may not read the input'), expect.stringContaining('may not read the output')]),
    );
    await page.getByTestId('trace-quotes-withheld').waitFor();
    // The rest of the trace is the auditor's to read.
    await page.getByTestId('trace-rules').getByText('injury-claims-to-specialist').waitFor();
    await expectVerdict(page, 'Verified');
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

async function waitForRows(page: Page, count: number): Promise<void> {
  await page
    .locator('table tbody tr')
    .nth(count - 1)
    .waitFor({ timeout: 30_000 });
  await page.locator('table tbody tr').nth(count).waitFor({ state: 'detached', timeout: 30_000 });
}

async function readVerdict(page: Page): Promise<string> {
  const result = page.getByTestId('seal-result');
  await result.waitFor({ timeout: 30_000 });
  return (await result.innerText()).split('\n')[0].trim();
}

async function expectVerdict(page: Page, verdict: string): Promise<void> {
  await page.getByTestId('seal-result').filter({ hasText: verdict }).waitFor({ timeout: 30_000 });
  expect(await readVerdict(page)).toBe(verdict);
}

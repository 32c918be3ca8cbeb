import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from '../support/decision-fixtures';
import { sealAll } from '../support/ledger';
import { ok, principalWithRole } from '../support/test-app';
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

// The lineage explorer as the people who use it (docs/console.md, "Lineage explorer"): a compliance
// officer goes from a decision up to the data its model was trained on and back down to the same
// decision, reads the dataset's impact, and exports what is shown; an auditor follows "Explore
// lineage" from a model version; a model owner, who may not read lineage, is told so.
const UPSTREAM = `query($id: ID!) { lineage(node: { type: MODEL_VERSION, id: $id }, direction: UPSTREAM, depth: 1) { nodes { type id label } } }`;
const LABELS = `query($id: ID!) { lineage(node: { type: DECISION, id: $id }, direction: UPSTREAM, depth: 1) { nodes { type id label } } }`;

interface Labelled {
  type: string;
  id: string;
  label: string;
}

describeInBrowser('console lineage explorer (compliance officer, auditor)', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let decision: { id: string; key: string };
  let dataset: Labelled;
  let model: Labelled;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const t = server.t;
    f = await automationFixture(t, { trainingPii: ['none'] });
    officer = await principalWithRole(t, 'compliance_officer');
    auditor = await principalWithRole(t, 'auditor');
    const key = `claim-lineage-${Date.now()}`;
    const recorded = ok(await t.gql(f.service.key, RECORD, { i: decisionInput(f, { idempotencyKey: key }) })).recordDecision.decision;
    decision = { id: recorded.id, key };
    await sealAll(t);
    const nodes = ok(await t.gql(officer.key, UPSTREAM, { id: f.modelVersionId })).lineage.nodes as Labelled[];
    dataset = nodes.find((n) => n.type === 'DATASET_VERSION')!;
    model = (ok(await t.gql(officer.key, LABELS, { id: decision.id })).lineage.nodes as Labelled[]).find(
      (n) => n.type === 'MODEL_VERSION',
    )!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(principal: { id: string }, path: string, colorScheme: 'light' | 'dark' = 'light') {
    const opened = await openConsole(browser, server.url, '/sign-in', { colorScheme });
    await signInAs(opened.page, server, principal);
    await opened.page.goto(path);
    return opened;
  }

  /** A node of the drawn graph: a button named by its type and name. */
  const graphNode = (page: Page, type: string, label: string) =>
    page.getByTestId('lineage-graph').getByRole('button', { name: new RegExp(`^${type} ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

  it('expands from a decision to its training dataset and back down to the same decision', async () => {
    const { page, context, problems } = await signedIn(officer, `/decisions/${decision.id}`);
    await page.getByRole('link', { name: 'Explore lineage' }).click();
    await page.waitForURL((url) => url.pathname === '/lineage' && url.searchParams.get('type') === 'DECISION');
    expect(new URL(page.url()).searchParams.get('id')).toBe(decision.id);
    await graphNode(page, 'decision', decision.key).waitFor();
    await expectAccessible(page);

    // One hop: the decision's model and automation versions, not yet the data.
    await page.getByRole('combobox', { name: 'Depth' }).click();
    await page.getByRole('option', { name: '1', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('depth') === '1');
    await graphNode(page, 'model version', model.label).waitFor();
    expect(await graphNode(page, 'dataset version', dataset.label).count()).toBe(0);

    // Expand the model version upstream: the dataset it was trained on, by a "trained on" edge with its time.
    await graphNode(page, 'model version', model.label).click();
    const panel = page.getByTestId('selected-node');
    await panel.getByRole('heading', { name: model.label }).waitFor();
    await panel.getByRole('button', { name: 'Expand upstream' }).click();
    await graphNode(page, 'dataset version', dataset.label).waitFor();
    const trained = page.getByTestId('edges').getByRole('row').filter({ hasText: 'trained on' });
    await trained.waitFor();
    expect(await trained.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The expansion is in the URL: the page reloaded (or the link sent) shows the same graph.
    await page.waitForURL((url) => url.searchParams.get('expand') === `MODEL_VERSION:${model.id}:UPSTREAM`);
    const shown = await page.getByTestId('graph-size').innerText();
    await page.reload();
    await graphNode(page, 'dataset version', dataset.label).waitFor();
    expect(await page.getByTestId('graph-size').innerText()).toBe(shown);
    // Back undoes it; Forward brings it back.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('expand') === null);
    await graphNode(page, 'dataset version', dataset.label).waitFor({ state: 'detached' });
    await page.goForward();
    await graphNode(page, 'dataset version', dataset.label).waitFor();

    // From the dataset, downstream: back to the same decision, with the dataset's impact.
    await graphNode(page, 'dataset version', dataset.label).click();
    await panel.getByRole('heading', { name: dataset.label }).waitFor();
    await panel.getByRole('link', { name: 'Explore from here' }).click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'DATASET_VERSION' && url.searchParams.get('id') === dataset.id);
    await page.locator('label', { hasText: /^Downstream$/ }).click();
    await page.getByRole('combobox', { name: 'Depth' }).click();
    await page.getByRole('option', { name: '2', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('direction') === 'DOWNSTREAM' && url.searchParams.get('depth') === '2');
    await graphNode(page, 'decision', decision.key).waitFor();
    const impact = page.getByTestId('impact');
    await impact.getByTestId('impact-total').waitFor();
    expect(await impact.getByTestId('impact-total').textContent()).toBe('1');
    await impact.getByRole('link', { name: model.label, exact: true }).waitFor();
    await impact.getByRole('table', { name: 'Decisions by status' }).getByText('recorded').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'lineage-explorer');

    // Exports of what is shown: Mermaid and DOT as text, a PNG of the drawing.
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Mermaid…' }).click();
    const mermaid = await page.getByRole('dialog').locator('[aria-label="Mermaid flowchart"]').textContent();
    expect(mermaid).toMatch(/^flowchart LR\n/);
    expect(mermaid).toContain(`(["decision: ${decision.key}"])`);
    expect(mermaid).toContain(`[("dataset version: ${dataset.label}")]`);
    expect(mermaid).toMatch(/n\d+ -->\|trained_on\| n\d+/);
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await expectAccessible(page);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'DOT…' }).click();
    const [dot] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .dot' }).click()]);
    expect(dot.suggestedFilename()).toBe(`lineage-dataset-version-${dataset.id.slice(0, 8)}.dot`);
    const dotText = await readFile((await dot.path())!, 'utf8');
    expect(dotText).toMatch(/^digraph lineage \{/);
    expect(dotText).toContain(`label="decision: ${decision.key}"`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export' }).click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PNG image' }).click()]);
    expect(png.suggestedFilename()).toBe(`lineage-dataset-version-${dataset.id.slice(0, 8)}.png`);
    const image = await readFile((await png.path())!);
    expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The PNG's width (IHDR) is the drawing's at twice the scale: a real picture, not an empty canvas.
    expect(image.readUInt32BE(16)).toBeGreaterThan(500);

    // The decision's own page, from its node.
    await graphNode(page, 'decision', decision.key).click();
    await page.getByTestId('selected-node').getByRole('link', { name: 'Open its page' }).click();
    await page.waitForURL((url) => url.pathname === `/decisions/${decision.id}`);
    await page.getByRole('heading', { name: `Decision ${decision.key}`, level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets an auditor explore from a model version's page (dark theme), and tells a model owner that lineage is not theirs to read", async () => {
    const { page, context, problems } = await signedIn(auditor, `/inventory/models/versions/${f.modelVersionId}`, 'dark');
    await page.getByRole('link', { name: 'Explore lineage' }).click();
    await page.waitForURL((url) => url.pathname === '/lineage' && url.searchParams.get('type') === 'MODEL_VERSION');
    await graphNode(page, 'model version', model.label).waitFor();
    await graphNode(page, 'dataset version', dataset.label).waitFor();
    await graphNode(page, 'decision', decision.key).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();

    const owner = await principalWithRole(server.t, 'model_owner');
    const opened = await signedIn(owner, `/lineage?type=DECISION&id=${decision.id}`);
    await opened.page.getByText('Your roles do not include reading lineage').waitFor();
    await opened.page.goto(`/inventory/models/versions/${f.modelVersionId}`);
    await opened.page.getByRole('heading', { name: /^Version / }).waitFor();
    expect(await opened.page.getByRole('link', { name: 'Explore lineage' }).count()).toBe(0);
    await opened.context.close();
  });
});

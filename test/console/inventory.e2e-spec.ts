import type { Browser, Page } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  signInAs,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';
import { inventoryFixture, type InventoryFixture } from '../support/inventory-fixtures';
import { ok, principalWithRole } from '../support/test-app';

// The inventory as the people who use it (docs/console.md, "Inventory"): a model owner finds their
// model and submits a version; an admin who submitted is refused approving it (separation of duties),
// with the API's reason shown in place; a compliance officer reads datasets and automations.
describeInBrowser('console inventory', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let owner: { id: string; key: string; name: string };

  const versionQuery = 'query($id: ID!) { modelVersion(id: $id) { status submittedBy approvedBy transitions { to rationale actorId } } }';

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const name = 'kim.novak';
    owner = { ...(await principalWithRole(server.t, 'model_owner', { name })), name };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path` signed in as `principalId`; the page's CSP violations and uncaught errors are collected. */
  async function openAs(principalId: string, path: string) {
    const opened = await openConsole(browser, server.url, '/sign-in');
    await signInAs(opened.page, server, { id: principalId });
    await opened.page.goto(path);
    return opened;
  }

  async function move(page: Page, label: string, rationale: string) {
    await page.getByRole('button', { name: label, exact: true }).click();
    await page.getByLabel(`Rationale for "${label}"`).fill(rationale);
    await page.locator('form').getByRole('button', { name: label, exact: true }).click();
  }

  it('lets a model owner find their model, read its card and lineage, and submit a version for review, without an Approve action', async () => {
    const fixture = await inventoryFixture(server.t, owner.key);
    const { page, context, problems } = await openAs(owner.id, `/inventory/models?q=${fixture.modelName}`);
    const table = page.getByRole('table', { name: 'models' });
    await table.getByRole('link', { name: fixture.modelName }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page);

    // Sorting is the API's: the sort goes into the URL (a link) and the list is asked for again.
    await table.locator('th', { hasText: 'Name' }).first().click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name');

    await table.getByRole('link', { name: fixture.modelName }).click();
    await page.waitForURL((url) => url.pathname === `/inventory/models/${fixture.modelId}`);
    await page.getByRole('heading', { name: 'Version 1.4.0' }).waitFor();
    await page.getByText('Rank incoming motor claims by expected severity').waitFor();
    await page.getByText('Not validated for commercial fleet claims').waitFor();
    expect(await page.getByTestId('digest').allInnerTexts()).toContain(`sha256:${'3a7bd3e2'.repeat(8)}`);
    expect(await page.getByTestId('fed-by').innerText()).toContain(`${fixture.datasetName} 2025-06`);
    expect((await page.getByTestId('fed-by').innerText()).toLowerCase()).toContain('health');
    expect(await page.getByTestId('feeds').innerText()).toContain(`${fixture.automationName} 2.1.0`);
    await expectAccessible(page);

    // A model owner may never approve: the action is not offered (the API would refuse it anyway).
    const actions = page.getByRole('region', { name: 'Lifecycle actions' });
    await actions.getByRole('button', { name: 'Submit for review' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await move(page, 'Submit for review', 'Model card complete; fairness report attached (MRM-2025-118)');
    await page.getByTestId('transition-done').waitFor();
    await page.getByTestId('lifecycle-history').getByText('Model card complete; fairness report attached (MRM-2025-118)').waitFor();
    expect(await page.getByTestId('lifecycle-history').innerText()).toContain(owner.name);
    await actions.getByRole('button', { name: 'Send back to draft' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    // From the top: the shell's header is fixed, and a full-page picture taken scrolled down shows it mid-page.
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();

    const stored = ok(await server.t.gql(server.t.adminKey, versionQuery, { id: fixture.modelVersionId })).modelVersion;
    expect(stored).toMatchObject({ status: 'IN_REVIEW', submittedBy: owner.id, approvedBy: null });
    expect(stored.transitions).toEqual([
      { to: 'IN_REVIEW', rationale: 'Model card complete; fairness report attached (MRM-2025-118)', actorId: owner.id },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses an admin approving the version they submitted, in place, in the API words and code, and leaves it in review', async () => {
    const admin = await principalWithRole(server.t, 'admin', { name: 'dana.admin' });
    const own = await inventoryFixture(server.t, owner.key, 'fraud-score');
    const { page, context, problems } = await openAs(admin.id, `/inventory/models/${own.modelId}`);
    await page.getByRole('heading', { name: 'Version 1.4.0' }).waitFor();

    await move(page, 'Submit for review', 'Validation report MRM-2025-131 attached');
    await page.getByTestId('transition-done').waitFor();
    await move(page, 'Approve', 'Looks fine to me');
    const refusal = page.getByTestId('transition-refusal');
    await refusal.waitFor();

    // The same move through the API: the page shows exactly what the API says.
    const direct = await server.t.gql(
      admin.key,
      'mutation($id: ID!) { transitionModelVersion(id: $id, to: APPROVED, rationale: "Looks fine to me") { status } }',
      {
        id: own.modelVersionId,
      },
    );
    expect(direct.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const text = await refusal.innerText();
    expect(text).toContain(direct.errors![0].message);
    expect(text).toContain('Separation of duties');
    expect(text).toContain('FORBIDDEN');
    await expectAccessible(page);

    const stored = ok(await server.t.gql(server.t.adminKey, versionQuery, { id: own.modelVersionId })).modelVersion;
    expect(stored).toMatchObject({ status: 'IN_REVIEW', submittedBy: admin.id, approvedBy: null });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a compliance officer the datasets and automations, each detail page with its lineage both ways, and only an approver's move", async () => {
    const officer = await principalWithRole(server.t, 'compliance_officer', { name: 'chris.olsen' });
    const fixture: InventoryFixture = await inventoryFixture(server.t, owner.key, 'lapse-risk');
    ok(
      await server.t.gql(
        owner.key,
        'mutation($id: ID!) { transitionModelVersion(id: $id, to: IN_REVIEW, rationale: "Ready for review") { status } }',
        {
          id: fixture.modelVersionId,
        },
      ),
    );
    const { page, context, problems } = await openAs(officer.id, `/inventory/datasets?q=${fixture.datasetName}`);
    await page.getByRole('table', { name: 'datasets' }).getByRole('link', { name: fixture.datasetName }).click();
    await page.waitForURL((url) => url.pathname === `/inventory/datasets/${fixture.datasetId}`);
    await page.getByRole('heading', { name: 'Version 2025-06' }).waitFor();
    await page.getByText('Exported from ClaimCenter; names and addresses removed').waitFor();
    expect(await page.getByTestId('feeds').innerText()).toContain(`${fixture.modelName} 1.4.0`);
    await expectAccessible(page);

    await page.goto(`/inventory/automations?q=${fixture.automationName}`);
    await page.getByRole('table', { name: 'automations' }).getByRole('link', { name: fixture.automationName }).click();
    await page.waitForURL((url) => url.pathname === `/inventory/automations/${fixture.automationId}`);
    await page.getByText('Routes each new motor claim to fast-track, standard or specialist handling').waitFor();
    expect(await page.getByTestId('fed-by').innerText()).toContain(`${fixture.modelName} 1.4.0`);
    // A draft: the moves from it are the owner's; a compliance officer only approves.
    await page.getByText('Your roles make no move from this status.').waitFor();
    await expectAccessible(page);

    // A version by its id alone (as the audit trail links it) opens its model's page with it selected.
    await page.goto(`/inventory/models/versions/${fixture.modelVersionId}`);
    await page.waitForURL(
      (url) => url.pathname === `/inventory/models/${fixture.modelId}` && url.searchParams.get('version') === fixture.modelVersionId,
    );
    await page.getByRole('heading', { name: 'Version 1.4.0' }).waitFor();
    // In review: the compliance officer may approve it.
    await page.getByRole('region', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Approve' }).waitFor();

    // The navigation's Inventory opens the models tab; typing a search puts it in the address.
    await page.goto('/inventory');
    await page.waitForURL((url) => url.pathname === '/inventory/models');
    await page.getByLabel('Search models by name').fill('no-such-model-anywhere');
    await page.waitForURL((url) => url.searchParams.get('q') === 'no-such-model-anywhere');
    await page.getByTestId('empty-state').waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  // Last in this file: it activates the default policy pack for the tenant.
  it("shows a compliance officer the active pack's denial of an approval in place, with the policy, its frameworks and the code", async () => {
    ok(
      await server.t.gql(
        server.t.adminKey,
        'mutation { activatePolicyPack(name: "default", rationale: "console inventory journey") { digest } }',
      ),
    );
    const officer = await principalWithRole(server.t, 'compliance_officer', { name: 'morgan.reyes' });
    const bare = await inventoryFixture(server.t, owner.key, 'churn-risk', { riskTier: 'HIGH', undocumented: true });
    ok(
      await server.t.gql(
        owner.key,
        'mutation($id: ID!) { transitionModelVersion(id: $id, to: IN_REVIEW, rationale: "Please review") { status } }',
        {
          id: bare.modelVersionId,
        },
      ),
    );
    const { page, context, problems } = await openAs(officer.id, `/inventory/models/${bare.modelId}`);
    await page.getByRole('heading', { name: 'Version 1.4.0' }).waitFor();
    await move(page, 'Approve', 'Approved pending the model card');
    const refusal = page.getByTestId('transition-refusal');
    await refusal.waitFor();

    const direct = await server.t.gql(
      officer.key,
      'mutation($id: ID!) { transitionModelVersion(id: $id, to: APPROVED, rationale: "Approved pending the model card") { status } }',
      {
        id: bare.modelVersionId,
      },
    );
    expect(direct.errors?.[0].extensions.code).toBe('POLICY_DENIED');
    const text = await refusal.innerText();
    expect(text).toContain('A policy refused this move');
    expect(text).toContain(direct.errors![0].message);
    expect(text).toContain('high-risk-approval-documentation');
    expect(text).toContain('EU-AI-Act:Art.11');
    expect(text).toContain('POLICY_DENIED');
    await expectAccessible(page);
    const stored = ok(await server.t.gql(server.t.adminKey, versionQuery, { id: bare.modelVersionId })).modelVersion;
    expect(stored).toMatchObject({ status: 'IN_REVIEW', approvedBy: null });
    expect(problems).toEqual([]);
    await context.close();
  });
});

import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  openConsole,
  signInAs,
  startConsoleServer,
  type ConsoleServer,
} from '../support/browser';
import { parseCsv } from '../support/csv';
import { inventoryFixture } from '../support/inventory-fixtures';
import { sealAll, whileSequencingLocked } from '../support/ledger';
import { ok, principalWithRole } from '../support/test-app';
import { until } from '../support/until';

const AUDIT_EVENTS = `query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) {
  edges { node { id action ledgerIndex sealedAt } } pageInfo { hasNextPage } } }`;

// The audit trail as a compliance officer reads it (docs/console.md, "Audit trail"): filtered by
// actor and subject, each change as a diff, the ledger seal, and the same filter exported as CSV.
describeInBrowser('console audit trail', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a compliance officer filter by actor and subject, read the diffs and seals, follow the subject, and export the same rows as CSV', async () => {
    const owner = await principalWithRole(server.t, 'model_owner', { name: 'kim.novak' });
    const officer = await principalWithRole(server.t, 'compliance_officer', { name: 'chris.olsen' });
    const fixture = await inventoryFixture(server.t, owner.key);
    const transition =
      'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }';
    ok(await server.t.gql(owner.key, transition, { id: fixture.modelVersionId, to: 'IN_REVIEW', r: 'Model card complete' }));
    await sealAll(server.t);
    // After the seal: the next event stays out of a checkpoint while the test holds the tenant's sequencing
    // lock (with Redis the API runs no sequencer of its own; on the embedded default its own would seal it).
    const { page, context, problems, rows } = await whileSequencingLocked(server.t.databaseUrl, 'default', async () => {
      ok(
        await server.t.gql(owner.key, transition, {
          id: fixture.modelVersionId,
          to: 'DRAFT',
          r: 'Metrics to be redone on the 2025-07 holdout',
        }),
      );

      const filter = { actorId: owner.id, subjectId: fixture.modelVersionId };
      const expected = ok(await server.t.gql(officer.key, AUDIT_EVENTS, { filter })).auditEvents;
      expect(expected.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
        'model_version.transitioned',
        'model_version.transitioned',
        'model_version.registered',
      ]);
      expect(expected.edges[0].node.ledgerIndex).toBeNull();
      expect(expected.edges[1].node.ledgerIndex).toEqual(expect.any(Number));

      const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
      await signInAs(page, server, officer);
      await page.goto('/audit');
      await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
      await page.getByRole('table', { name: 'Audit events' }).locator('tbody tr').first().waitFor();

      await page.getByRole('combobox', { name: 'Actor' }).fill('kim.novak');
      await page.getByRole('option', { name: /kim\.novak/ }).click();
      await page.getByLabel('Subject id', { exact: true }).fill(fixture.modelVersionId);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(
        (url) => url.searchParams.get('actorId') === owner.id && url.searchParams.get('subjectId') === fixture.modelVersionId,
      );

      const rows = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
      await until(async () => (await rows.count()) === expected.edges.length, 'the filtered audit events', 60_000);
      expect(await rows.count()).toBe(expected.edges.length);
      // Newest first: the move back to draft (not sealed yet), then the submission (sealed), then the registration.
      const newest = await rows.nth(0).innerText();
      expect(newest).toContain('model_version.transitioned');
      expect(newest).toMatch(/status\s+in_review\s+→\s+draft/);
      expect(newest).toContain('Metrics to be redone on the 2025-07 holdout');
      expect(newest).toContain('not sealed yet');
      const submitted = await rows.nth(1).innerText();
      expect(submitted).toMatch(/status\s+draft\s+→\s+in_review/);
      expect(submitted).toContain(`Leaf #${expected.edges[1].node.ledgerIndex}, sealed`);
      expect(submitted).toContain('kim.novak');
      await expectAccessible(page);

      // The CSV export: the same filter, the same rows in the same order, downloaded with the session cookie.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^audit-events-.*\.csv$/);
      const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
      const header = csv[0];
      const records = csv.slice(1).map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
      expect(records.map((r) => r.id)).toEqual(expected.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(records.every((r) => r.actorId === owner.id && r.subjectId === fixture.modelVersionId)).toBe(true);
      expect(records[1].ledgerIndex).toBe(String(expected.edges[1].node.ledgerIndex));
      expect(records[0].sealedAt).toBe('');
      return { page, context, problems, rows };
    });

    // The subject's page: the version, selected on its model's page.
    await rows.nth(1).getByRole('link', { name: fixture.modelVersionId }).click();
    await page.waitForURL(
      (url) => url.pathname === `/inventory/models/${fixture.modelId}` && url.searchParams.get('version') === fixture.modelVersionId,
    );
    await page.getByRole('heading', { name: 'Version 1.4.0' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the empty state for a filter nothing matches, and the API refusal of a reversed time range with its code', async () => {
    const auditor = await principalWithRole(server.t, 'auditor', { name: 'audrey.lind' });
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, auditor);
    await page.goto('/audit?subjectId=no-such-subject');
    await page.getByTestId('empty-state').waitFor();
    await expectAccessible(page);

    await page.goto('/audit?from=2026-12-02T00:00:00.000Z&to=2026-12-01T00:00:00.000Z');
    const error = page.getByTestId('api-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('VALIDATION_FAILED');
    expect(problems).toEqual([]);
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
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
import { errorCode, ok, principalWithRole } from '../support/test-app';
import { until } from '../support/until';

const ME = '{ me { id name } }';

/** The audit trail filtered by subject, as a reader opens it: the actions listed, newest first. */
async function auditedActions(page: Page, subjectId: string, count: number): Promise<string[]> {
  await page.goto(`/audit?subjectId=${subjectId}`);
  const rows = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
  await until(async () => (await rows.count()) === count, `${count} audit events of ${subjectId}`, 60_000);
  return Promise.all((await rows.all()).map(async (row) => (await row.locator('code').first().innerText()).trim()));
}

// Administration as the tenant admin uses it (docs/console.md, "Administration"): principals and
// their roles, API keys shown once, the OIDC mapping and the access matrix; every change audited.
describeInBrowser('console administration', () => {
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

  it('lets an admin issue a key that works against /graphql once copied from the page, then revoke it so it is refused', async () => {
    const t = server.t;
    const admin = await principalWithRole(t, 'admin', { name: 'ada.admin' });
    const holder = await principalWithRole(t, 'auditor', { name: 'riley.reports' });
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, admin);
    await page.getByRole('link', { name: /Administration/ }).click();
    await page.waitForURL((url) => url.pathname === '/admin/principals');
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/api-keys');

    await page.getByRole('button', { name: 'Issue API key' }).click();
    const issue = page.getByRole('dialog', { name: 'Issue an API key' });
    await issue.getByRole('combobox', { name: 'Principal' }).fill('riley');
    await page.getByRole('option', { name: /riley\.reports/ }).click();
    await issue.getByRole('textbox', { name: 'Name', exact: true }).fill('quarterly report export');
    await issue.getByRole('button', { name: 'Issue key' }).click();
    const secretShown = page.getByTestId('issued-secret');
    await secretShown.waitFor({ timeout: 60_000 });
    const secret = (await secretShown.innerText()).trim();
    expect(secret).toMatch(/^att_/);
    expect(await page.getByRole('dialog').innerText()).toContain('This is the only time the key is shown');
    await page.getByRole('button', { name: 'Copy the key' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-api-key-issued');

    // The key, as copied from the page, authenticates as its principal.
    expect(ok(await t.gql(secret, ME)).me).toEqual({ id: holder.id, name: 'riley.reports' });
    await page.getByRole('button', { name: 'I have stored the key' }).click();
    const [key] = ok(await t.gql(admin.key, `{ apiKeys(principalId: "${holder.id}") { id prefix createdBy lastUsedAt } }`)).apiKeys;
    expect(key.createdBy).toBe(admin.id);
    expect(key.lastUsedAt).not.toBeNull();

    // The table: who it authenticates as, who issued it, and that it has been used.
    await page.reload();
    const row = page.getByRole('table', { name: 'API keys' }).locator('tbody tr', { hasText: 'quarterly report export' });
    await row.waitFor();
    const shown = async (words: string[]) => {
      const now = await row.innerText();
      return words.every((w) => now.includes(w)) && now;
    };
    // The principals' names arrive with queries of their own.
    const text = await until(() => shown(['riley.reports', 'ada.admin']), 'the key shown with its principal and issuer', 60_000);
    expect(text).not.toContain('never used');
    expect(text).toContain(`att_${key.prefix}_`);
    expect(text).toContain('active');
    expect(text).not.toContain(secret);
    await expectAccessible(page);
    await screenshot(page, 'admin-api-keys');

    await row.getByRole('button', { name: 'Revoke the key quarterly report export' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke an API key' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await until(async () => (await row.innerText()).includes('revoked'), 'the key shown as revoked', 60_000);
    expect(errorCode(await t.gql(secret, ME))).toBe('UNAUTHENTICATED');

    expect(await auditedActions(page, key.id, 2)).toEqual(['api_key.revoked', 'api_key.issued']);
    // The actor's name arrives with its own query.
    const trail = page.getByRole('table', { name: 'Audit events' });
    await until(async () => (await trail.innerText()).includes('ada.admin'), 'the actor named in the audit trail', 60_000);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an admin create a principal, bind a role and unbind it after confirming, each change in the audit trail', async () => {
    const t = server.t;
    const admin = await principalWithRole(t, 'admin', { name: 'bo.admin' });
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, admin);
    await page.goto('/admin/principals');
    await page.getByRole('table', { name: 'Principals' }).locator('tbody tr').first().waitFor();

    await page.getByRole('button', { name: 'Create principal' }).click();
    const create = page.getByRole('dialog', { name: 'Create a principal' });
    await create.getByRole('textbox', { name: 'Name', exact: false }).first().fill('noor.hassan');
    await create.getByRole('textbox', { name: 'E-mail' }).fill('noor.hassan@example.com');
    await expectAccessible(page);
    await create.getByRole('button', { name: 'Create' }).click();
    await create.waitFor({ state: 'hidden' });
    await page.getByRole('textbox', { name: 'Search by name' }).fill('noor');
    const row = page.getByRole('table', { name: 'Principals' }).locator('tbody tr', { hasText: 'noor.hassan' });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toContain('no role');
    const { principals } = ok(
      await t.gql(admin.key, '{ principals(first: 5, filter: { search: "noor.hassan" }) { edges { node { id } } } }'),
    );
    const noorId = principals.edges[0].node.id as string;

    await row.getByRole('button', { name: 'Bind a role to noor.hassan' }).click();
    const bind = page.getByRole('dialog', { name: 'Bind a role to noor.hassan' });
    await bind.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'compliance officer' }).click();
    await bind.getByRole('button', { name: 'Bind role' }).click();
    await bind.waitFor({ state: 'hidden' });
    const unbindButton = row.getByRole('button', { name: 'Unbind compliance officer from noor.hassan' });
    await unbindButton.waitFor({ timeout: 60_000 });
    const bound = ok(await t.gql(admin.key, `{ principal(id: "${noorId}") { roles { id role } } }`)).principal.roles;
    expect(bound).toEqual([{ id: expect.any(String), role: 'COMPLIANCE_OFFICER' }]);
    await expectAccessible(page);
    await screenshot(page, 'admin-principals');

    await unbindButton.click();
    const confirm = page.getByRole('dialog', { name: 'Unbind a role' });
    expect(await confirm.innerText()).toContain('noor.hassan loses the role compliance officer');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Unbind role' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await until(async () => (await row.innerText()).includes('no role'), 'the role gone from the row', 60_000);
    expect(ok(await t.gql(admin.key, `{ principal(id: "${noorId}") { roles { id } } }`)).principal.roles).toEqual([]);

    expect(await auditedActions(page, bound[0].id, 2)).toEqual(['role.unbound', 'role.bound']);
    expect(await auditedActions(page, noorId, 1)).toEqual(['principal.created']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the OIDC role mapping and the access matrix read-only', async () => {
    const admin = await principalWithRole(server.t, 'admin', { name: 'cy.admin' });
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, admin);
    await page.goto('/admin/sign-in');
    const mapping = page.getByRole('table', { name: 'OIDC role mapping' });
    await mapping.waitFor();
    expect(await page.getByText('OIDC sign-in is off').count()).toBe(1);
    const mappingText = await mapping.innerText();
    expect(mappingText).toMatch(/compliance_officer\s+compliance officer/);
    expect(mappingText).not.toContain('service');
    expect(await page.getByRole('table', { name: 'OIDC settings' }).innerText()).toContain('attest_roles');
    await expectAccessible(page);
    await screenshot(page, 'admin-sign-in');

    await page.getByRole('tab', { name: 'Access matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Access matrix' });
    await matrix.locator('tbody tr').first().waitFor();
    await page.getByRole('textbox', { name: 'Filter operations' }).fill('issueApiKey');
    const issueRow = matrix.locator('tbody tr', { hasText: 'mutation issueApiKey' });
    await until(async () => (await matrix.locator('tbody tr').count()) === 1, 'the filtered matrix', 60_000);
    // admin yes, every other role no (the hidden word beside each dash).
    expect((await issueRow.innerText()).replace(/\s+/g, ' ')).toMatch(/mutation issueApiKey create ApiKey yes( — no){6}/);
    await page.getByRole('textbox', { name: 'Filter operations' }).fill('RoleBinding');
    await until(async () => (await matrix.locator('tbody tr').count()) > 3, 'the operations on role bindings', 60_000);
    await expectAccessible(page);
    await screenshot(page, 'admin-access-matrix');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the administration pages and actions from a compliance officer, whom the API refuses as well', async () => {
    const t = server.t;
    const officer = await principalWithRole(t, 'compliance_officer', { name: 'chris.olsen' });
    const target = await principalWithRole(t, 'auditor', { name: 'pat.reader' });
    const { page, context, problems } = await openConsole(browser, server.url, '/sign-in');
    await signInAs(page, server, officer);
    const nav = page.getByRole('navigation', { name: 'Console pages' });
    await nav.getByRole('link', { name: /Audit trail/ }).waitFor();
    expect(await nav.getByRole('link', { name: /Administration/ }).count()).toBe(0);

    // Reached by its address: principals to read, but no action, and no API keys tab.
    await page.goto('/admin/principals');
    const row = page.getByRole('table', { name: 'Principals' }).locator('tbody tr', { hasText: 'pat.reader' });
    await row.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Create principal' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: /Bind|Unbind/ }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'API keys' }).count()).toBe(0);
    await expectAccessible(page);

    await page.goto('/admin/api-keys');
    const refusal = page.getByTestId('api-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('FORBIDDEN');
    expect(await page.getByRole('button', { name: 'Issue API key' }).count()).toBe(0);
    await expectAccessible(page);

    const issue = 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }';
    expect(errorCode(await t.gql(officer.key, issue, { i: { principalId: target.id, name: 'x' } }))).toBe('FORBIDDEN');
    const bind = 'mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }';
    expect(errorCode(await t.gql(officer.key, bind, { i: { principalId: officer.id, role: 'ADMIN' } }))).toBe('FORBIDDEN');
    const [binding] = ok(await t.gql(t.adminKey, `{ principal(id: "${target.id}") { roles { id } } }`)).principal.roles;
    expect(errorCode(await t.gql(officer.key, `mutation { unbindRole(id: "${binding.id}") { id } }`))).toBe('FORBIDDEN');
    expect(problems).toEqual([]);
    await context.close();
  });
});

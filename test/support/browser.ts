import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ok, REPO_ROOT, startTestApp, type TestApp } from './test-app';

/**
 * The console in a real browser: Debian's Chromium (never a downloaded one) driven by playwright-core,
 * against the real API serving the built console (docs/console.md, "Tests").
 */

export const CONSOLE_DIST = join(REPO_ROOT, 'dist/console');

// docs/shared STACK facts: as root, on a network that refuses Chromium's background connections.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the console's build is made from: a newer file than the build means the build is stale. */
const CONSOLE_SOURCES = ['apps/console', 'schema.graphql', 'policies/access'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'gql' && name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/**
 * Builds the console unless dist/console is newer than its sources: CI builds it once before the
 * tests (.ci/run), so this only builds on a developer's machine after a change.
 */
export function ensureConsoleBuilt(): void {
  const index = join(CONSOLE_DIST, 'index.html');
  const sourcesChanged = Math.max(...CONSOLE_SOURCES.map((p) => newestChange(join(REPO_ROOT, p))));
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) return;
  execFileSync('npm', ['run', 'console:build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface ConsoleServer {
  t: TestApp;
  /** http://127.0.0.1:<port>, the console's origin. */
  url: string;
  close(): Promise<void>;
}

/** The real API on a fresh database, listening on a local port (a free one unless given), serving the built console. */
export async function startConsoleServer(env: Record<string, string> = {}, { port = 0 }: { port?: number } = {}): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  const t = await startTestApp(env);
  await t.app.listen(port, '127.0.0.1');
  const { port: listening } = t.app.getHttpServer().address() as { port: number };
  return { t, url: `http://127.0.0.1:${listening}`, close: () => t.close() };
}

/**
 * `describe` for journeys in Chromium. CI runs them in its PostgreSQL+Redis jest run only: the
 * embedded run sets ATTEST_SKIP_BROWSER_TESTS=1, as the browser sees the same console either way.
 */
export const describeInBrowser: jest.Describe = process.env.ATTEST_SKIP_BROWSER_TESTS === '1' ? describe.skip : describe;

/** A port free on 127.0.0.1 now: for a console whose address must be known before it starts (an OIDC redirect URI). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives each launch a fresh, temporary profile (user-data-dir) and removes it on close.
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Content-Security-Policy violations and uncaught errors the page reported: a test expects none. */
  problems: string[];
}

/** A new browser context (its own cookies: one signed-in person) with one page opened at `path`. */
export async function openConsole(
  browser: Browser,
  origin: string,
  path = '/',
  { colorScheme = 'light' }: { colorScheme?: 'light' | 'dark' } = {},
): Promise<ConsolePage> {
  // The console follows the system's colour scheme until the person picks one.
  // Reduced motion: the console then skips its transitions (theme.respectReducedMotion), so axe never reads a dialog mid-fade.
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 800 },
    colorScheme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  await page.goto(path);
  return { page, context, problems };
}

/**
 * Signs `page`'s browser context in as `principal` (one person per context), the way a person does:
 * the tenant admin mints a one-time link (issueSignInLink), the page opens it on the console's
 * origin, the console redeems it for the session cookie and opens the overview.
 */
export async function signInAs(page: Page, server: ConsoleServer, principal: { id: string }): Promise<void> {
  const url = await signInLink(server, principal);
  await page.goto(`/sign-in/link#${new URL(url).hash.slice(1)}`);
  await page.waitForURL((u) => u.pathname === '/');
}

/** A one-time sign-in link for `principal`, minted by the tenant admin through the API. */
export async function signInLink(server: ConsoleServer, principal: { id: string }): Promise<string> {
  const issued = await server.t.gql(server.t.adminKey, 'mutation($p: ID!) { issueSignInLink(principalId: $p) { url } }', {
    p: principal.id,
  });
  return ok(issued).issueSignInLink.url as string;
}

/**
 * Fails on any serious or critical axe-core violation (WCAG 2.1 A and AA rules), naming each and
 * where. `exclude`: selectors of third-party widgets with a known violation we cannot change,
 * each with its reason at the call.
 */
export async function expectAccessible(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) axe.exclude(selector);
  const results = await axe.analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`);
  expect(serious).toEqual([]);
}

/**
 * A screenshot for docs/console.md, written only when ATTEST_SCREENSHOTS=1 (the committed images are
 * updated on purpose, not by every test run): docs/console/<name>.png.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.ATTEST_SCREENSHOTS !== '1') return;
  const folder = join(REPO_ROOT, 'docs/console');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}

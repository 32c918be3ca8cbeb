import { execSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Not imported from test/support/test-app: that module loads the whole API, which these tests never start.
export const REPO_ROOT = resolve(__dirname, '../../..');
const CLI = join(REPO_ROOT, 'dist/apps/cli/src/main.js');
/** What `npm run build` compiles. */
const BUILD_INPUTS = ['apps', 'libs', 'migrations', 'bench', '.swcrc'];
const BUILD_LOCK = join(tmpdir(), `attest-cli-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Builds dist when it is missing or older than a source. The test files run in parallel and
 * each calls this: the lock makes the others wait and then find dist fresh, so no CLI ever
 * starts from a half-written dist.
 */
export async function buildCliIfStale(): Promise<void> {
  await withLock(BUILD_LOCK, () => {
    if (builtAt() < newestSource()) execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'pipe' });
  });
}

/** The built CLI in a child process, as a user runs it in `cwd`, with nothing from the test's environment but PATH. */
export function attest(cwd: string, args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function builtAt(): number {
  return statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

function newestSource(): number {
  let newest = 0;
  for (const input of BUILD_INPUTS) {
    const path = join(REPO_ROOT, input);
    const stat = statSync(path);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else
      for (const file of readdirSync(path, { recursive: true }) as string[])
        newest = Math.max(newest, statSync(join(path, file), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  }
  return newest;
}

async function withLock(path: string, work: () => void): Promise<void> {
  for (;;) {
    try {
      mkdirSync(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Left behind by a killed run: a build takes seconds, not a minute.
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(path, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  try {
    work();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

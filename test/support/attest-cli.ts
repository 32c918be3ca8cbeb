import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { queuePrefix } from '../../bench/support/attest-process';
import { REPO_ROOT } from './test-app';

export const CLI = join(REPO_ROOT, 'dist/apps/cli/src/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only the variables given, and the test file's queue prefix (test/support/queue-prefix.ts). */
function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ATTEST_LOG_LEVEL: 'error', ...queuePrefix(), ...env };
}

/** Runs the built CLI in a child process with only the variables given (nothing leaks from the test's env). */
export function attest(args: string[], env: Record<string, string>, options: { cwd?: string; command?: string } = {}): CliRun {
  const [file, argv] = options.command ? [options.command, args] : [process.execPath, [CLI, ...args]];
  const result = spawnSync(file, argv, {
    cwd: options.cwd ?? REPO_ROOT,
    env: childEnv(env),
    encoding: 'utf8',
    // Commands on the embedded database start a PostgreSQL: generous, the machine is shared.
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking: for a CLI that talks to an API answering from this very process
 * (a synchronous child would wait on it forever).
 */
export function attestAsync(args: string[], env: Record<string, string>, options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: childEnv(env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The keys `attest seed --demo` prints, by role. */
export function demoKeys(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/^ {2}([a-z_]+) +(att_\S+)$/gm)].map(([, role, key]) => [role, key]));
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { PostgresBinaries } from './postgres-binaries';

/** Who runs the server: this process's user, or `postgres` when we are root (PostgreSQL refuses root). */
export interface ServerUser {
  uid?: number;
  gid?: number;
}

export function serverUser(): ServerUser {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

const ENV = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };
const WATCHDOG = join(__dirname, 'postgres-watchdog.cjs');

/** initdb with a superuser and password, UTF-8, password authentication. */
export async function initialiseCluster(
  bin: PostgresBinaries,
  pgDir: string,
  user: ServerUser,
  superuser: { name: string; password: string },
): Promise<void> {
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  const pwFile = join(tmpdir(), `attest-pw-${randomBytes(8).toString('hex')}`);
  await writeFile(pwFile, `${superuser.password}\n`, { mode: 0o600 });
  try {
    if (user.uid !== undefined) {
      await chown(pgDir, user.uid, user.gid!);
      await chown(pwFile, user.uid, user.gid!);
    }
    const args = [
      `--pgdata=${pgDir}`,
      '--auth=password',
      `--username=${superuser.name}`,
      `--pwfile=${pwFile}`,
      '--encoding=UTF8',
      '--no-locale',
    ];
    await runToCompletion(bin.initdb, args, user);
  } finally {
    await rm(pwFile, { force: true });
  }
}

/**
 * Starts the server on 127.0.0.1:port without a Unix socket; resolves once it accepts connections.
 * The child is a watchdog that runs PostgreSQL and stops it when this process is gone, however it
 * ended (postgres-watchdog.cjs, docs/decisions/0007-embedded-postgres-watchdog.md). It runs in its
 * own session, so that a Ctrl-C on a terminal reaches Attest only, which stops things in order.
 */
export async function startServer(
  bin: PostgresBinaries,
  pgDir: string,
  port: number,
  user: ServerUser,
  url: string,
): Promise<ChildProcess> {
  const postgres = [bin.postgres, '-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  const child = spawn(process.execPath, [WATCHDOG, String(process.pid), String(user.uid ?? '-'), String(user.gid ?? '-'), ...postgres], {
    env: ENV,
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin?.on('error', () => undefined); // the watchdog is gone: nothing left to tell it
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL exited during start (${code ?? signal}): ${lastLine(output)}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await Promise.race([client.connect(), exited]);
      await client.end();
      return child;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || child.signalCode !== null) throw error;
      if (Date.now() > deadline) {
        await stopServer(child);
        throw new Error(`PostgreSQL did not accept connections within 60 s: ${lastLine(output)}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Closes the watchdog's lifeline: it stops PostgreSQL (fast shutdown: disconnects clients, checkpoints) and exits. */
export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.end();
  });
}

/** The line of PostgreSQL's log that says why, for a one-line message (FATAL or PANIC if there is one). */
function lastLine(output: string): string {
  const lines = output.trim().split('\n').filter(Boolean);
  return [...lines].reverse().find((l) => /\b(FATAL|PANIC)\b/.test(l)) ?? lines[lines.length - 1] ?? '(no output)';
}

function runToCompletion(command: string, args: string[], user: ServerUser): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${lastLine(output)}`))));
  });
}

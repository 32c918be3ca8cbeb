import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ENTRY = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js' };
const READY = { api: 'Attest API listening', worker: 'Attest worker consuming queues' };
/** Bounds a hang only: a start takes seconds, but on a busy 2-core machine much longer. */
const START_LIMIT_MS = 180_000;

/** The caller's queue prefix, when it has one (a test file's own: test/support/queue-prefix.ts). */
export const queuePrefix = (): Record<string, string> =>
  process.env.ATTEST_QUEUE_PREFIX ? { ATTEST_QUEUE_PREFIX: process.env.ATTEST_QUEUE_PREFIX } : {};

/**
 * The built API or worker (`npm run build` first) in its own process, with only the variables
 * given: for benchmarks, so that its event loop is not the load generator's; for tests, something
 * to kill -9 mid-work and start again, as a crash and a restart would.
 */
export class AttestProcess {
  /** Everything the process wrote to stdout (the SQL of ATTEST_LOG_LEVEL=debug goes there). */
  stdout = '';
  stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    /** The API's HTTP port (a free one, or env.PORT; 0 if PORT=0); undefined for the worker. */
    readonly port: number | undefined,
  ) {}

  /** Starts the app and waits until it is ready. The API gets a free port unless env.PORT names one. */
  static async start(repoRoot: string, app: 'api' | 'worker', env: Record<string, string>): Promise<AttestProcess> {
    const started = await AttestProcess.spawn(repoRoot, app, env);
    const { child } = started;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The ${app} did not start within ${START_LIMIT_MS / 1000} s:\n${started.stderr}`)),
        START_LIMIT_MS,
      );
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`The ${app} exited with ${code} before it was ready:\n${started.stderr}${started.stdout}`));
      };
      child.once('exit', onExit);
      const poll = setInterval(() => {
        if (!started.stdout.includes(READY[app])) return;
        clearInterval(poll);
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }, 20);
      timer.unref();
    });
    return started;
  }

  /** Runs the app until it exits by itself (a start that must fail): its exit code and output. Killed after the limit. */
  static async runToExit(
    repoRoot: string,
    app: 'api' | 'worker',
    env: Record<string, string>,
    limitMs = 120_000,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const run = await AttestProcess.spawn(repoRoot, app, env);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), limitMs);
    const code = await new Promise<number | null>((resolve) => run.child.once('exit', resolve));
    clearTimeout(timer);
    return { code, stdout: run.stdout, stderr: run.stderr };
  }

  private static async spawn(repoRoot: string, app: 'api' | 'worker', env: Record<string, string>): Promise<AttestProcess> {
    const port = app === 'api' ? Number(env.PORT ?? (await freePort())) : undefined;
    const child = spawn(process.execPath, [join(repoRoot, ENTRY[app])], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...queuePrefix(), ...env, ...(port !== undefined ? { PORT: String(port) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new AttestProcess(child, port);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (started.stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (started.stderr += chunk));
    return started;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends the signal (SIGTERM: a clean stop; SIGKILL: a crash) and waits until the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

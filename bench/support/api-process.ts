import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The real API (`node dist/apps/api/src/main.js`) in its own process, so that its event loop does
 * not share one with the load generator; they still share the machine's cores.
 */
export class ApiProcess {
  /** Everything the process wrote to stdout (the SQL of ATTEST_LOG_LEVEL=debug goes there). */
  stdout = '';
  private stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(repoRoot: string, env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(repoRoot, 'dist/apps/api/src/main.js')], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(child, port);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (api.stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (api.stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The API did not start within 60 s:\n${api.stderr}`)), 60_000);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`The API exited with ${code} before listening:\n${api.stderr}${api.stdout}`));
      };
      child.once('exit', onExit);
      const poll = setInterval(() => {
        if (!api.stdout.includes('Attest API listening')) return;
        clearInterval(poll);
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }, 50);
      timer.unref();
    });
    return api;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** A keep-alive HTTP client for POST /graphql on loopback; one socket per concurrent worker. */
export class GraphQLClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    private readonly apiKey: string,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** The raw response body of a 200; anything else throws. */
  post(body: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${this.apiKey}` },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`))));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A parsed GraphQL call for setup: throws on any error. */
  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = JSON.parse(await this.post(JSON.stringify({ query, variables }))) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  close(): void {
    this.agent.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AttestProcess } from './attest-process';
import { createTestDatabase, withClient } from './test-database';
import { REPO_ROOT } from './test-app';

export interface ProcessHarness {
  /** The current test's fresh database (a new one per test). */
  readonly databaseUrl: string;
  readonly adminKey: string;
  /** What every process of a test shares: the database, the secrets, quiet logs. */
  baseEnv(): Record<string, string>;
  /** Starts the built API or worker; every process started is killed after the test. */
  start(app: 'api' | 'worker', env: Record<string, string>): Promise<AttestProcess>;
  /** Whether the application has a transaction open on the database now (work that a kill would cut). */
  transactionInFlight(): Promise<boolean>;
}

/**
 * `npm run build`: for suites that run the built API, worker or CLI as processes. Not when the run
 * was given a build (ATTEST_TEST_PREBUILT=1: .ci/run builds once and runs two test passes side by
 * side, and a pass rebuilding dist/ would rewrite files the other pass's processes are loading).
 */
export function buildApps(): void {
  if (process.env.ATTEST_TEST_PREBUILT === '1') return;
  execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'pipe' });
}

/**
 * For suites that run the built API and workers as processes (and kill them mid-work): builds once,
 * gives each test its own database, and kills whatever a test left running. Call inside describe().
 */
export function processHarness(): ProcessHarness {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const processes: AttestProcess[] = [];
  const hashKey = randomBytes(32).toString('hex');
  const adminKey = `test-admin-${randomBytes(24).toString('hex')}`;

  beforeAll(buildApps);
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.stop('SIGKILL')));
    await database.drop();
  });

  return {
    get databaseUrl() {
      return database.url;
    },
    adminKey,
    baseEnv: () => ({
      DATABASE_URL: database.url,
      ATTEST_HASH_KEY: hashKey,
      ATTEST_BOOTSTRAP_API_KEY: adminKey,
      ATTEST_JWT_SECRET: hashKey,
      ATTEST_LOG_LEVEL: 'error',
    }),
    async start(app, env) {
      const started = await AttestProcess.start(REPO_ROOT, app, env);
      processes.push(started);
      return started;
    },
    transactionInFlight: () =>
      withClient(database.url, async (c) => {
        const { rows } = await c.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND usename = 'attest_app' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
        );
        return rows[0].n > 0;
      }),
  };
}

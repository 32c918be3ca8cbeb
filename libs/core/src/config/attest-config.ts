import { resolve } from 'node:path';
import { parseWebhookAllowList, type WebhookAllowList } from './webhook-allow-list';

/** Typed configuration, read from the environment once at boot. No other module reads process.env. */
export interface AttestConfig {
  port: number;
  /** Owner connection (runs migrations). Absent: the embedded PostgreSQL is started. */
  databaseUrl?: string;
  /** Connection used by the application; must be a role that is neither superuser nor BYPASSRLS. */
  appDatabaseUrl?: string;
  /** Password given to the `attest_app` role when Attest provisions it (secret). */
  appDatabasePassword?: string;
  /** Absent: jobs run inside the API process (the embedded default); present: BullMQ queues in Redis. */
  redisUrl?: string;
  /** Redis key prefix of the job queues, so several Attest installations can share one Redis. */
  queuePrefix: string;
  /** Jobs of one queue that one process runs at the same time. */
  workerConcurrency: number;
  /** Largest request body the API parses, in MiB (a batch of 10,000 decisions is ~15 MiB). */
  maxRequestMb: number;
  /** With Redis: a running job's lock; a job whose worker died is taken up again after it. */
  jobLockMs: number;
  /** With Redis: whether the API process also consumes the job queues (one process doing everything); default false. */
  apiRunsWorkers: boolean;
  /**
   * Webhook delivery: attempts in all, the first retry's wait (doubling after), the per-request timeout;
   * the private targets allowed (none by default: only public addresses) and the active subscriptions an automation may have.
   */
  webhooks: {
    attempts: number;
    backoffMs: number;
    timeoutMs: number;
    allowPrivate: WebhookAllowList;
    maxSubscriptionsPerAutomation: number;
  };
  dataDir: string;
  policiesDir: string;
  /** The built console (`npm run console:build`), served at /; when it is missing, / says how to build it. */
  consoleDir: string;
  /** Secret: becomes the first admin API key of an empty database. */
  bootstrapApiKey?: string;
  /** ttlSeconds: what `attest token` mints by default; maxLifetimeSeconds: the longest (exp − iat) a token may have to be accepted. */
  jwt: { secret?: string; issuer: string; ttlSeconds: number; maxLifetimeSeconds: number };
  /** Secret from which each tenant's keys for hashing decision inputs and subject references derive. */
  hashKey?: string;
  /**
   * The verifiable ledger's log: its name (the signature's key name and the prefix of each tenant's
   * origin), optionally its Ed25519 signing key (PEM, secret; default: derived from the hash key),
   * how often the sequencer looks for new leaves, how many it seals per checkpoint at most, and how
   * long one verifyLedger call (or one slice of a verification job) may run, and how many leaves a
   * verification job checks per slice (per transaction).
   */
  ledger: { name: string; signingKey?: string; sequenceEveryMs: number; batchSize: number; verifyTimeoutMs: number; verifySlice: number };
  /**
   * OpenLineage export: where sealed decisions are sent as run events (unset: no export), its API key (secret), the first retry's wait;
   * and the largest event `POST /api/v1/lineage` takes, in bytes.
   */
  openLineage: { url?: string; apiKey?: string; backoffMs: number; attempts: number; maxEventBytes: number };
  /** GraphQL abuse limits (docs/security.md, "Limits"), and whether authenticated principals may introspect. */
  graphql: GraphQLLimits & { introspection: boolean };
  /**
   * Per-principal budgets (docs/security.md, "Limits"): requests per window, estimated GraphQL query
   * cost per minute, OpenLineage events per minute, CSV exports per minute; and health checks and sign-in attempts per minute per client IP.
   */
  rateLimits: {
    requests: number;
    requestsWindowSeconds: number;
    costPerMinute: number;
    openLineagePerMinute: number;
    exportsPerMinute: number;
    healthPerMinute: number;
    signInPerMinute: number;
  };
  /** Levels of objects and arrays a free-form JSON input (a decision's input, output, context, …) may nest. */
  maxJsonDepth: number;
  /**
   * Where browsers reach Attest (sign-in links, the OIDC redirect URL, whether cookies are Secure),
   * as set; publicUrlOf gives it with its default, http://localhost:<the port listened on>. trustProxy: Express's `trust proxy` (`false`, `true`, a hop count or
   * addresses), so that req.secure and req.ip follow X-Forwarded-* from the proxies named.
   */
  publicUrl?: string;
  trustProxy: boolean | number | string;
  /** Human sign-in (docs/security.md, "Sessions"): idle and absolute lifetimes of a session. */
  sessions: { idleMinutes: number; maxHours: number };
  /**
   * The review workflow (docs/api.md "Review workflow"): how long a reviewer's claim on an item holds without
   * being renewed, and how long a contested decision may wait for its human review (docs/evidence.md).
   */
  reviews: { claimSeconds: number; contestMinutes: number };
  /** Sign-in through an OpenID Connect provider; `issuer` unset: off. The client secret is a secret. */
  oidc: OidcConfig;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export interface OidcConfig {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  /** As set; oidcRedirectUrlOf gives it with its default, <public URL>/auth/oidc/callback. */
  redirectUrl?: string;
  /** The ID token / userinfo claim whose values (a string or a list) are Attest role names. */
  rolesClaim: string;
  /** The slug of the tenant OIDC principals belong to. */
  tenant: string;
  /** What the sign-in page calls the provider; default: the issuer's host. */
  label: string;
}

export interface GraphQLLimits {
  /** Longest query document, in UTF-16 code units (graphql-js counts them before it parses). */
  maxDocumentChars: number;
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxDepth: number;
  maxComplexity: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

/** Reads and validates the configuration; throws one ConfigError listing every bad value. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AttestConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const config: AttestConfig = {
    port: read.integer('PORT', 3000, 0, 65535),
    databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    appDatabaseUrl: read.url('ATTEST_APP_DATABASE_URL', ['postgres:', 'postgresql:']),
    appDatabasePassword: read.string('ATTEST_APP_DATABASE_PASSWORD', { minLength: 16 }),
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: read.string('ATTEST_QUEUE_PREFIX', { pattern: /^[A-Za-z0-9_-]+$/ }) ?? 'attest',
    workerConcurrency: read.integer('ATTEST_WORKER_CONCURRENCY', 8, 1, 256),
    maxRequestMb: read.integer('ATTEST_MAX_REQUEST_MB', 32, 1, 512),
    jobLockMs: read.integer('ATTEST_JOB_LOCK_MS', 30_000, 1000, 600_000),
    apiRunsWorkers: read.oneOf('ATTEST_API_RUNS_WORKERS', ['true', 'false'] as const, 'false') === 'true',
    webhooks: {
      attempts: read.integer('ATTEST_WEBHOOK_ATTEMPTS', 8, 1, 20),
      backoffMs: read.integer('ATTEST_WEBHOOK_BACKOFF_MS', 2000, 10, 3_600_000),
      timeoutMs: read.integer('ATTEST_WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      allowPrivate: read.webhookAllowList('ATTEST_WEBHOOK_ALLOW_PRIVATE'),
      maxSubscriptionsPerAutomation: read.integer('ATTEST_WEBHOOK_MAX_SUBSCRIPTIONS', 10, 1, 100),
    },
    dataDir: resolve(cwd, read.string('ATTEST_DATA_DIR') ?? '.attest/data'),
    policiesDir: resolve(cwd, read.string('ATTEST_POLICIES_DIR') ?? 'policies'),
    consoleDir: resolve(cwd, read.string('ATTEST_CONSOLE_DIR') ?? 'dist/console'),
    // Sent as "Authorization: Bearer <key>": only what an HTTP header carries as is.
    bootstrapApiKey: read.string('ATTEST_BOOTSTRAP_API_KEY', {
      minLength: 32,
      pattern: /^[\x21-\x7e]+$/,
      allowed: 'visible ASCII characters (letters, digits and punctuation; no spaces)',
    }),
    jwt: {
      secret: read.string('ATTEST_JWT_SECRET', { minLength: 32 }),
      issuer: read.string('ATTEST_JWT_ISSUER') ?? 'attest',
      ttlSeconds: read.integer('ATTEST_JWT_TTL_SECONDS', 3600, 60, 31 * 24 * 3600),
      maxLifetimeSeconds: read.integer('ATTEST_JWT_MAX_LIFETIME_SECONDS', 12 * 3600, 60, 31 * 24 * 3600),
    },
    hashKey: read.string('ATTEST_HASH_KEY', { minLength: 32 }),
    ledger: {
      name: read.string('ATTEST_LEDGER_NAME', { pattern: /^[\x21-\x2a\x2c-\x7e]{1,100}$/ }) ?? 'attest.local',
      signingKey: read.string('ATTEST_LEDGER_SIGNING_KEY', { pattern: /-----BEGIN PRIVATE KEY-----/ }),
      sequenceEveryMs: read.integer('ATTEST_LEDGER_SEQUENCE_EVERY_MS', 250, 10, 1000),
      batchSize: read.integer('ATTEST_LEDGER_BATCH', 5000, 1, 50_000),
      verifyTimeoutMs: read.integer('ATTEST_LEDGER_VERIFY_TIMEOUT_MS', 60_000, 1000, 3_600_000),
      verifySlice: read.integer('ATTEST_LEDGER_VERIFY_SLICE', 10_000, 1, 100_000),
    },
    openLineage: {
      url: read.url('ATTEST_OPENLINEAGE_URL', ['http:', 'https:']),
      apiKey: read.string('ATTEST_OPENLINEAGE_API_KEY', { minLength: 1 }),
      backoffMs: read.integer('ATTEST_OPENLINEAGE_BACKOFF_MS', 1000, 10, 3_600_000),
      attempts: read.integer('ATTEST_OPENLINEAGE_ATTEMPTS', 8, 1, 30),
      maxEventBytes: read.integer('ATTEST_OPENLINEAGE_MAX_EVENT_BYTES', 1_048_576, 1024, 67_108_864),
    },
    graphql: {
      maxDocumentChars: read.integer('ATTEST_GRAPHQL_MAX_DOCUMENT_CHARS', 32_768, 256, 1_048_576),
      maxTokens: read.integer('ATTEST_GRAPHQL_MAX_TOKENS', 3000, 50, 100_000),
      // The CLI's ledger export asks for 50 inclusion proofs per request, one alias each.
      maxAliases: read.integer('ATTEST_GRAPHQL_MAX_ALIASES', 50, 0, 10_000),
      maxDirectives: read.integer('ATTEST_GRAPHQL_MAX_DIRECTIVES', 20, 0, 1000),
      maxDepth: read.integer('ATTEST_GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxComplexity: read.integer('ATTEST_GRAPHQL_MAX_COMPLEXITY', 5000, 10, 1_000_000),
      introspection: read.oneOf('ATTEST_GRAPHQL_INTROSPECTION', ['true', 'false'] as const, 'true') === 'true',
    },
    rateLimits: {
      // 50 requests a second on average, counted over 10 s so that a burst (a page and its fields) passes.
      // An automation records its decisions one request each: hundreds a second is its normal load.
      requests: read.integer('ATTEST_RATE_LIMIT_REQUESTS', 5000, 1, 1_000_000),
      requestsWindowSeconds: read.integer('ATTEST_RATE_LIMIT_REQUESTS_WINDOW_SECONDS', 10, 1, 3600),
      costPerMinute: read.integer('ATTEST_RATE_LIMIT_COST_PER_MINUTE', 200_000, 10, 1_000_000_000),
      openLineagePerMinute: read.integer('ATTEST_RATE_LIMIT_OPENLINEAGE_PER_MINUTE', 6000, 1, 1_000_000),
      // An export reads the whole filtered set (10⁶ rows at most a few minutes): a few a minute is plenty for a person.
      exportsPerMinute: read.integer('ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE', 10, 1, 1_000_000),
      healthPerMinute: read.integer('ATTEST_RATE_LIMIT_HEALTH_PER_MINUTE', 600, 1, 1_000_000),
      // Per client address: a person signs in a few times a day; a failed attempt writes an audit event.
      signInPerMinute: read.integer('ATTEST_RATE_LIMIT_SIGN_IN_PER_MINUTE', 60, 1, 1_000_000),
    },
    maxJsonDepth: read.integer('ATTEST_MAX_JSON_DEPTH', 64, 2, 1000),
    logLevel: read.oneOf('ATTEST_LOG_LEVEL', LOG_LEVELS, 'log'),
    publicUrl: read.url('ATTEST_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
    trustProxy: read.trustProxy('ATTEST_TRUST_PROXY'),
    sessions: {
      idleMinutes: read.integer('ATTEST_SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60),
      maxHours: read.integer('ATTEST_SESSION_MAX_HOURS', 12, 1, 31 * 24),
    },
    reviews: {
      claimSeconds: read.integer('ATTEST_REVIEW_CLAIM_SECONDS', 30 * 60, 1, 24 * 60 * 60),
      // Three days: well inside GDPR Art. 12(3)'s month, and short enough to count as prompt human intervention.
      contestMinutes: read.integer('ATTEST_CONTEST_DEADLINE_MINUTES', 3 * 24 * 60, 1, 31 * 24 * 60),
    },
    oidc: {
      issuer: read.url('ATTEST_OIDC_ISSUER', ['https:', 'http:']),
      clientId: read.string('ATTEST_OIDC_CLIENT_ID'),
      clientSecret: read.string('ATTEST_OIDC_CLIENT_SECRET'),
      redirectUrl: read.url('ATTEST_OIDC_REDIRECT_URL', ['http:', 'https:']),
      rolesClaim: read.string('ATTEST_OIDC_ROLES_CLAIM', { pattern: /^[\w.:/-]{1,100}$/ }) ?? 'attest_roles',
      tenant: read.string('ATTEST_OIDC_TENANT', { pattern: /^[a-z0-9][a-z0-9-]{0,62}$/ }) ?? 'default',
      label: read.string('ATTEST_OIDC_LABEL') ?? '',
    },
  };
  if (config.oidc.issuer) {
    if (!config.oidc.clientId) problems.push('ATTEST_OIDC_ISSUER needs ATTEST_OIDC_CLIENT_ID');
    config.oidc.label ||= hostOf(config.oidc.issuer);
    if (config.oidc.issuer.startsWith('http:') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(config.oidc.issuer)) {
      problems.push('ATTEST_OIDC_ISSUER must be https (plain http only for a provider on localhost)');
    }
  } else if (config.oidc.clientId || config.oidc.clientSecret) {
    problems.push('ATTEST_OIDC_CLIENT_ID and ATTEST_OIDC_CLIENT_SECRET need ATTEST_OIDC_ISSUER');
  }
  if (config.sessions.idleMinutes > config.sessions.maxHours * 60) {
    problems.push(
      `ATTEST_SESSION_IDLE_MINUTES (${config.sessions.idleMinutes}) is longer than ATTEST_SESSION_MAX_HOURS (${config.sessions.maxHours}): set the absolute lifetime at least as long`,
    );
  }
  if (config.jwt.ttlSeconds > config.jwt.maxLifetimeSeconds) {
    problems.push(
      `ATTEST_JWT_TTL_SECONDS (${config.jwt.ttlSeconds}) is longer than ATTEST_JWT_MAX_LIFETIME_SECONDS (${config.jwt.maxLifetimeSeconds}): the API would refuse the tokens it mints`,
    );
  }
  if (config.rateLimits.costPerMinute < config.graphql.maxComplexity) {
    problems.push(
      `ATTEST_RATE_LIMIT_COST_PER_MINUTE (${config.rateLimits.costPerMinute}) is below ATTEST_GRAPHQL_MAX_COMPLEXITY (${config.graphql.maxComplexity}): the costliest query allowed could never run`,
    );
  }
  if (config.appDatabaseUrl && !config.databaseUrl) {
    problems.push('ATTEST_APP_DATABASE_URL needs DATABASE_URL (the owner connection that runs migrations)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Where browsers reach Attest: ATTEST_PUBLIC_URL, or this machine on the port the API listens on. */
export function publicUrlOf(config: Pick<AttestConfig, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** Where the OIDC provider sends the browser back: ATTEST_OIDC_REDIRECT_URL, or the public URL's callback. */
export function oidcRedirectUrlOf(config: Pick<AttestConfig, 'publicUrl' | 'port' | 'oidc'>): string {
  return config.oidc.redirectUrl ?? `${publicUrlOf(config)}/auth/oidc/callback`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The Nest logger levels that `level` lets through. */
export function loggerLevels(level: AttestConfig['logLevel']): AttestConfig['logLevel'][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  /** `allowed` says in words which characters `pattern` accepts, for the message. */
  string(name: string, rules: { minLength?: number; pattern?: RegExp; allowed?: string } = {}): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === '') return undefined;
    if (rules.minLength && value.length < rules.minLength) {
      this.problems.push(`${name} must be at least ${rules.minLength} characters long`);
    } else if (rules.pattern && !rules.pattern.test(value)) {
      this.problems.push(rules.allowed ? `${name} may contain only ${rules.allowed}` : `${name} has an invalid format`);
    }
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return raw;
  }

  webhookAllowList(name: string): WebhookAllowList {
    const { allowList, problems } = parseWebhookAllowList(this.string(name));
    this.problems.push(...problems.map((p) => `${name}: ${p}`));
    return allowList;
  }

  /** Express's `trust proxy`: true/false, a hop count, or a comma-separated list of addresses/subnets. */
  trustProxy(name: string): boolean | number | string {
    const raw = this.string(name);
    if (raw === undefined || raw === 'false') return false;
    if (raw === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    if (!/^[\w.:/, -]+$/.test(raw)) this.problems.push(`${name} must be true, false, a hop count or addresses (e.g. loopback, 10.0.0.0/8)`);
    return raw;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  }
}

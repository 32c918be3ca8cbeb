import { ConfigError, loadConfig, oidcRedirectUrlOf, publicUrlOf } from './attest-config';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000 with data in .attest/data', () => {
    const config = loadConfig({}, '/srv/attest');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/attest/.attest/data',
      policiesDir: '/srv/attest/policies',
    });
  });

  it('lists every bad value in one error', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ATTEST_BOOTSTRAP_API_KEY: 'short', ATTEST_LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT must be an integer from 0 to 65535, got "eighty"',
        'DATABASE_URL must start with postgres:// or postgresql://',
        'ATTEST_BOOTSTRAP_API_KEY must be at least 32 characters long',
        'ATTEST_LOG_LEVEL must be one of error, warn, log, debug, got "loud"',
      ]);
    }
  });

  it('says which characters a bootstrap API key may contain', () => {
    expect(() => loadConfig({ ATTEST_BOOTSTRAP_API_KEY: 'a key with spaces that is long enough to pass' })).toThrow(
      /ATTEST_BOOTSTRAP_API_KEY may contain only visible ASCII characters \(letters, digits and punctuation; no spaces\)/,
    );
    expect(loadConfig({ ATTEST_BOOTSTRAP_API_KEY: 'test-admin_0123456789.abcdef~ABCDEF!' }).bootstrapApiKey).toBe(
      'test-admin_0123456789.abcdef~ABCDEF!',
    );
  });

  it('never puts a secret value in an error message', () => {
    expect(() => loadConfig({ ATTEST_JWT_SECRET: 'too-short-secret' })).toThrow(/ATTEST_JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ ATTEST_JWT_SECRET: 'too-short-secret' })).not.toThrow(/too-short-secret/);
  });

  it('needs the owner connection when an application connection is given', () => {
    expect(() => loadConfig({ ATTEST_APP_DATABASE_URL: 'postgres://app@db/attest' })).toThrow(/needs DATABASE_URL/);
  });

  it('defaults the job queues to prefix "attest" and 8 concurrent jobs per queue', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, queuePrefix: 'attest', workerConcurrency: 8 });
    expect(loadConfig({ ATTEST_QUEUE_PREFIX: 'attest-staging_2', ATTEST_WORKER_CONCURRENCY: '256' })).toMatchObject({
      queuePrefix: 'attest-staging_2',
      workerConcurrency: 256,
    });
  });

  it('gives every GraphQL limit a default, introspection on, and refuses limits out of range at boot', () => {
    expect(loadConfig({}).graphql).toEqual({
      maxDocumentChars: 32_768,
      maxTokens: 3000,
      maxAliases: 50,
      maxDirectives: 20,
      maxDepth: 10,
      maxComplexity: 5000,
      introspection: true,
    });
    expect(loadConfig({ ATTEST_GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);
    try {
      loadConfig({ ATTEST_GRAPHQL_MAX_TOKENS: '0', ATTEST_GRAPHQL_MAX_ALIASES: 'many', ATTEST_GRAPHQL_INTROSPECTION: 'no' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'ATTEST_GRAPHQL_MAX_TOKENS must be an integer from 50 to 100000, got "0"',
        'ATTEST_GRAPHQL_MAX_ALIASES must be an integer from 0 to 10000, got "many"',
        'ATTEST_GRAPHQL_INTROSPECTION must be one of true, false, got "no"',
      ]);
    }
  });

  it("gives a contested decision's review three days by default, from a minute to 31 days", () => {
    expect(loadConfig({}).reviews.contestMinutes).toBe(4320);
    expect(loadConfig({ ATTEST_CONTEST_DEADLINE_MINUTES: '60' }).reviews.contestMinutes).toBe(60);
    expect(() => loadConfig({ ATTEST_CONTEST_DEADLINE_MINUTES: '0' })).toThrow(
      'ATTEST_CONTEST_DEADLINE_MINUTES must be an integer from 1 to 44640, got "0"',
    );
  });

  it('bounds an OpenLineage event to 1 MiB by default, from 1 KiB to 64 MiB', () => {
    expect(loadConfig({}).openLineage.maxEventBytes).toBe(1_048_576);
    expect(loadConfig({ ATTEST_OPENLINEAGE_MAX_EVENT_BYTES: '4096' }).openLineage.maxEventBytes).toBe(4096);
    expect(() => loadConfig({ ATTEST_OPENLINEAGE_MAX_EVENT_BYTES: '100' })).toThrow(
      'ATTEST_OPENLINEAGE_MAX_EVENT_BYTES must be an integer from 1024 to 67108864, got "100"',
    );
  });

  it('gives every rate limit a default, and refuses a cost budget that the costliest allowed query would overrun', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      requests: 5000,
      requestsWindowSeconds: 10,
      costPerMinute: 200_000,
      openLineagePerMinute: 6000,
      exportsPerMinute: 10,
      healthPerMinute: 600,
      signInPerMinute: 60,
    });
    expect(() => loadConfig({ ATTEST_RATE_LIMIT_REQUESTS: '0' })).toThrow(
      'ATTEST_RATE_LIMIT_REQUESTS must be an integer from 1 to 1000000, got "0"',
    );
    expect(() => loadConfig({ ATTEST_RATE_LIMIT_COST_PER_MINUTE: '4999' })).toThrow(
      'ATTEST_RATE_LIMIT_COST_PER_MINUTE (4999) is below ATTEST_GRAPHQL_MAX_COMPLEXITY (5000): the costliest query allowed could never run',
    );
    expect(loadConfig({ ATTEST_RATE_LIMIT_COST_PER_MINUTE: '100', ATTEST_GRAPHQL_MAX_COMPLEXITY: '100' }).rateLimits.costPerMinute).toBe(
      100,
    );
  });

  it('rejects a queue prefix that is not a plain Redis key segment and a concurrency outside 1..256', () => {
    const attempt = () => loadConfig({ ATTEST_QUEUE_PREFIX: 'attest:prod', ATTEST_WORKER_CONCURRENCY: '0' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'ATTEST_QUEUE_PREFIX has an invalid format',
        'ATTEST_WORKER_CONCURRENCY must be an integer from 1 to 256, got "0"',
      ]);
    }
  });

  it('derives the public URL and the OIDC callback from the port unless set, and labels the provider by its host', () => {
    const local = loadConfig({ PORT: '4000' });
    expect(publicUrlOf(local)).toBe('http://localhost:4000');
    expect(publicUrlOf({ ...local, port: 4100 })).toBe('http://localhost:4100');
    expect(local.sessions).toEqual({ idleMinutes: 30, maxHours: 12 });
    const oidc = loadConfig({
      ATTEST_PUBLIC_URL: 'https://attest.example/',
      ATTEST_OIDC_ISSUER: 'https://login.example/realms/x',
      ATTEST_OIDC_CLIENT_ID: 'attest',
    });
    expect(publicUrlOf(oidc)).toBe('https://attest.example');
    expect(oidcRedirectUrlOf(oidc)).toBe('https://attest.example/auth/oidc/callback');
    expect(oidc.oidc).toMatchObject({ label: 'login.example', rolesClaim: 'attest_roles', tenant: 'default' });
  });

  it('refuses an OIDC setting without its issuer or client, plain http off this machine, and an idle timeout past the absolute one', () => {
    try {
      loadConfig({ ATTEST_OIDC_CLIENT_ID: 'x', ATTEST_SESSION_IDLE_MINUTES: '600', ATTEST_SESSION_MAX_HOURS: '2' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'ATTEST_OIDC_CLIENT_ID and ATTEST_OIDC_CLIENT_SECRET need ATTEST_OIDC_ISSUER',
        'ATTEST_SESSION_IDLE_MINUTES (600) is longer than ATTEST_SESSION_MAX_HOURS (2): set the absolute lifetime at least as long',
      ]);
    }
    expect(() => loadConfig({ ATTEST_OIDC_ISSUER: 'http://idp.example', ATTEST_OIDC_CLIENT_ID: 'x' })).toThrow(
      /ATTEST_OIDC_ISSUER must be https \(plain http only for a provider on localhost\)/,
    );
    expect(() => loadConfig({ ATTEST_OIDC_ISSUER: 'http://127.0.0.1:8080', ATTEST_OIDC_CLIENT_ID: 'x' })).not.toThrow();
  });
});

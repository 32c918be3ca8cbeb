// Jest runs TypeScript through @swc/jest (fast, keeps decorator metadata). NestJS 12 and a few
// of its dependencies ship ES modules only, so they are transformed too.
const esmPackages = [
  '@nestjs',
  '@apollo',
  '@as-integrations',
  '@graphql-tools',
  '@whatwg-node',
  'graphql-ws',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  'peek-readable',
  // OpenID Connect: the relying party (openid-client) and the provider the tests start (oidc-provider).
  'openid-client',
  'oauth4webapi',
  'jose',
  'oidc-provider',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^@attest/([^/]+)/testing$': '<rootDir>/libs/$1/src/testing', '^@attest/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/queue-prefix.ts'],
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // A global option: jest ignores it inside a project, and its 5 s default is too short for end-to-end suites.
  // It only bounds a hang: suites that start processes and databases take seconds alone, but far
  // longer on a busy 2-core machine, and a test must not fail because the machine is busy.
  testTimeout: 180000,
  // Two test files at a time (ATTEST_TEST_WORKERS to change it): the suite waits on PostgreSQL, Redis and the
  // processes it starts as much as it computes, so two side by side nearly halve its time on a 2-core machine
  // (jest's default there is one). Each file has its own database and queue prefix (test/support/queue-prefix.ts).
  maxWorkers: Number(process.env.ATTEST_TEST_WORKERS ?? 2),
};

// ESLint for the whole tree (`npm run lint`). Why these rules, and which were dropped:
// docs/decisions/0012-lint-and-format.md. Formatting is Prettier's (`npm run format:check`), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import attest from './tools/lint/boundaries.js';
import contextMap from './tools/lint/context-map.js';

// A map that contradicts its own direction (or has a cycle) stops the run before any file is read.
contextMap.assertConsistent();

// Shipped TypeScript: type-aware rules run here only, where an unawaited promise loses a write or an error.
const shippedTs = ['apps/**/*.ts', 'apps/console/src/**/*.tsx', 'libs/**/*.ts', 'migrations/**/*.ts'];
const testsTs = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/*/src/testing/**', 'test/**', 'bench/**'];

export default defineConfig(
  // The console's GraphQL types are generated (npm run console:codegen), not written.
  { ignores: ['dist/', 'coverage/', '.attest/', 'node_modules/', 'apps/console/src/gql/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS files (jest.config.js, the lint rule, the embedded PostgreSQL watchdog) load with require().
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The console runs in the browser (apps/console/src); its Vite config and tools/*.mjs in Node.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { attest },
    rules: {
      'attest/boundaries': 'error',
      // Unused names are errors, but `_`-prefixed ones say "deliberately unused" (callbacks, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read GraphQL responses as untyped JSON: `any` there is the honest type, and a cast per field adds nothing.
    files: testsTs,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: shippedTs,
    ignores: testsTs,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
);

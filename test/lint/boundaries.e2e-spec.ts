import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPOSITORY } from '../support/repository';

// The context map's consistency check, required as the lint config requires it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- tools/lint is CommonJS, loaded by eslint.config.mjs
const contextMap = require('../../tools/lint/context-map') as {
  CONTEXT_MAP: Record<string, string[] | '*'>;
  assertConsistent(map?: Record<string, string[] | '*'>): void;
};

interface Source {
  file: string;
  code: string;
}
interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
}

/** One import, linted as the file `file` of the repository with the real eslint.config.mjs. */
const importIn = (file: string, specifier: string): Source => ({
  file,
  code: `import { probe } from '${specifier}';\nexport { probe };\n`,
});

const cases: { name: string; source: Source; expected: string | null }[] = [
  { name: 'a lib importing an app', source: importIn('libs/core/src/probe.ts', '../../../apps/api/src/main'), expected: 'libImportsApp' },
  {
    name: 'an app importing another app',
    source: importIn('apps/worker/src/probe.ts', '../../api/src/persistence'),
    expected: 'appImportsApp',
  },
  {
    name: 'a relative path into another lib',
    source: importIn('libs/decisions/src/probe.ts', '../../policy/src/pack-loader'),
    expected: 'deepImport',
  },
  {
    name: 'a path past an @attest entry',
    source: importIn('apps/api/src/probe.ts', '@attest/policy/src/pack-loader'),
    expected: 'deepImport',
  },
  {
    name: 'a testing entry in shipped code',
    source: importIn('libs/decisions/src/probe.ts', '@attest/ledger/testing'),
    expected: 'testingInShippedCode',
  },
  {
    name: "a lib's own testing folder in its shipped code",
    source: importIn('libs/ledger/src/probe.ts', './testing/ledger-fixtures'),
    expected: 'testingInShippedCode',
  },
  { name: 'core importing a domain lib', source: importIn('libs/core/src/probe.ts', '@attest/registry'), expected: 'notOnContextMap' },
  {
    name: 'observability importing identity',
    source: importIn('libs/observability/src/probe.ts', '@attest/identity'),
    expected: 'notOnContextMap',
  },
  { name: 'jobs importing a domain lib', source: importIn('libs/jobs/src/probe.ts', '@attest/ledger'), expected: 'notOnContextMap' },
  {
    name: 'the ledger importing decisions',
    source: importIn('libs/ledger/src/probe.ts', '@attest/decisions'),
    expected: 'notOnContextMap',
  },
  {
    name: 'the policy evaluator importing decisions',
    source: importIn('libs/policy/src/probe.ts', '@attest/decisions'),
    expected: 'notOnContextMap',
  },
  {
    name: 'the policy evaluator importing the registry',
    source: importIn('libs/policy/src/probe.ts', '@attest/registry'),
    expected: 'notOnContextMap',
  },
  {
    name: 'the registry importing decisions',
    source: importIn('libs/registry/src/probe.ts', '@attest/decisions'),
    expected: 'notOnContextMap',
  },
  {
    name: 'a lib importing the composition lib',
    source: importIn('libs/decisions/src/probe.ts', '@attest/platform'),
    expected: 'notOnContextMap',
  },
  {
    name: 'a new lib importing a domain lib',
    source: importIn('libs/brand-new/src/probe.ts', '@attest/decisions'),
    expected: 'notOnContextMap',
  },
  {
    name: 'a lib importing a lib through a CommonJS require',
    source: { file: 'libs/ledger/src/probe.ts', code: "export const probe = require('@attest/decisions');\n" },
    expected: 'notOnContextMap',
  },
  {
    name: 'a lib re-exporting an app',
    source: { file: 'libs/core/src/probe.ts', code: "export * from '../../../apps/api/src/main';\n" },
    expected: 'libImportsApp',
  },
  {
    name: 'an app loading another app lazily',
    source: { file: 'apps/cli/src/probe.ts', code: "export const probe = () => import('../../api/src/main');\n" },
    expected: 'appImportsApp',
  },
];

const allowed: { name: string; source: Source }[] = [
  { name: 'decisions importing the registry (downstream of it)', source: importIn('libs/decisions/src/probe.ts', '@attest/registry') },
  { name: 'policy-review importing decisions', source: importIn('libs/policy-review/src/probe.ts', '@attest/decisions') },
  { name: 'a domain lib importing identity and core', source: importIn('libs/lineage/src/probe.ts', '@attest/identity') },
  { name: 'a new lib importing identity', source: importIn('libs/brand-new/src/probe.ts', '@attest/identity') },
  { name: 'the composition lib importing any lib', source: importIn('libs/platform/src/probe.ts', '@attest/policy-review') },
  { name: 'an app importing a lib', source: importIn('apps/api/src/probe.ts', '@attest/decisions') },
  { name: 'a lib importing its own files', source: importIn('libs/policy/src/probe.ts', './pack-loader') },
  { name: 'a spec importing a testing entry', source: importIn('libs/decisions/src/probe.spec.ts', '@attest/ledger/testing') },
  { name: 'a test importing a testing entry', source: importIn('test/probe.e2e-spec.ts', '@attest/policy/testing') },
  { name: 'a test importing an app', source: importIn('test/probe.e2e-spec.ts', '../apps/api/src/create-app') },
];

/** The boundary messages for each source, in one ESLint process with the repository's config. */
function lintBoundaries(sources: Source[]): LintMessage[][] {
  const output = execFileSync(process.execPath, [join(REPOSITORY, 'test/lint/lint-sources.js')], {
    cwd: REPOSITORY,
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const results = JSON.parse(output) as LintMessage[][];
  return results.map((messages) => messages.filter((m) => m.ruleId === 'attest/boundaries' || m.ruleId === null));
}

describe('lint: import boundaries and the context map', () => {
  let reported: LintMessage[][];
  beforeAll(() => {
    reported = lintBoundaries([...cases.map((c) => c.source), ...allowed.map((c) => c.source)]);
  });

  it.each(cases.map((c, i) => [c.name, i, c.expected] as const))('reports %s', (_name, i, expected) => {
    expect(reported[i].map((m) => m.messageId)).toEqual([expected]);
  });

  it.each(allowed.map((c, i) => [c.name, i + cases.length] as const))('allows %s', (_name, i) => {
    expect(reported[i]).toEqual([]);
  });

  it('names the allowed imports in the context-map message', () => {
    const ledgerToDecisions = cases.findIndex((c) => c.name === 'the ledger importing decisions');
    expect(reported[ledgerToDecisions][0].message).toBe(
      'libs/ledger may not import @attest/decisions: not an arrow of the context map (tools/lint/context-map.js); ' +
        'libs/ledger may import @attest/core, @attest/observability, @attest/jobs, @attest/identity.',
    );
  });
});

describe('lint: the context map keeps its direction', () => {
  type ContextMap = typeof contextMap.CONTEXT_MAP;
  const withEdge = (from: string, to: string): ContextMap => {
    const current = contextMap.CONTEXT_MAP[from];
    return { ...contextMap.CONTEXT_MAP, [from]: current === '*' ? '*' : [...current, to] };
  };

  it('is consistent as committed', () => {
    expect(() => contextMap.assertConsistent()).not.toThrow();
  });

  it.each([
    ['core', 'identity', 'core knows no domain, yet may import identity'],
    ['observability', 'registry', 'observability knows no domain, yet may import registry'],
    ['jobs', 'decisions', 'jobs knows no domain, yet may import decisions'],
    ['policy', 'decisions', 'policy must never import decisions'],
    ['ledger', 'lineage', 'ledger must never import lineage'],
    ['registry', 'decisions', 'registry must never import decisions'],
    ['audit', 'platform', 'audit may not import the composition lib platform'],
  ])('rejects an arrow %s → %s', (from, to, problem) => {
    expect(() => contextMap.assertConsistent(withEdge(from, to))).toThrow(problem);
  });

  it('rejects a cycle', () => {
    expect(() => contextMap.assertConsistent(withEdge('registry', 'policy-review'))).toThrow(
      /cycle: .*registry → policy-review.*|cycle: .*policy-review → registry/,
    );
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files of a throwaway pack: policy file name → YAML lines, and the same for `tests/`. */
export interface TempPackFiles {
  policies: Record<string, string[]>;
  tests?: Record<string, string[]>;
}

/** A fresh policies folder in the temp dir; specs load packs with it as cwd so sources read `pack/x.yaml:1`. */
export const tempPoliciesRoot = () => mkdtempSync(join(tmpdir(), 'attest-policy-review-'));

/** Writes `root/name/` with its policies and a `tests/` folder (empty unless tests are given); returns its path. */
export function writeTempPack(root: string, name: string, files: TempPackFiles): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'tests'), { recursive: true });
  for (const [file, lines] of Object.entries(files.policies)) writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
  for (const [file, lines] of Object.entries(files.tests ?? {})) writeFileSync(join(dir, 'tests', file), `${lines.join('\n')}\n`);
  return dir;
}

/** A valid policy file's lines; `fields` replaces or adds top-level lines by key (`severity: high`). */
export function policyLines(id: string, fields: Record<string, string> = {}): string[] {
  const lines: Record<string, string> = {
    id: `id: ${id}`,
    version: 'version: 1',
    description: 'description: d',
    appliesTo: 'appliesTo: decision',
    severity: 'severity: low',
    frameworks: 'frameworks: [EU-AI-Act:Art.12]',
    conditions: 'conditions: { all: [{ fact: automation.environment, operator: equal, value: dev }] }',
    effect: 'effect: annotate',
    message: 'message: m',
  };
  for (const [key, line] of Object.entries(fields)) lines[key] = line;
  return Object.values(lines);
}

/** One test case as YAML lines, for a `cases:` list. */
export function caseLines(name: string, facts: string, effect: string, matched: string[], appliesTo = 'decision'): string[] {
  return [
    `  - name: ${name}`,
    `    appliesTo: ${appliesTo}`,
    `    facts: ${facts}`,
    `    expect: { effect: ${effect}, matched: [${matched.join(', ')}] }`,
  ];
}

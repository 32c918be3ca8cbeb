import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isSeq } from 'yaml';
import { parseConditions } from './conditions';
import { packDigest } from './pack-digest';
import { PolicyPackError } from './policy.errors';
import { APPLIES_TO, EFFECTS, SEVERITIES, type Policy, type PolicyPack } from './policy.types';
import { asMap, checkKeys, problem, readYamlFolder, YamlSource } from './yaml-source';

const POLICY_KEYS = ['id', 'version', 'description', 'appliesTo', 'severity', 'frameworks', 'conditions', 'effect', 'message'];
export const POLICY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** `<framework>:<reference>`, e.g. `EU-AI-Act:Art.14`, `NIST-AI-RMF:MANAGE-2.3`, `GDPR:Art.9`. */
const FRAMEWORK_REF = /^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9][A-Za-z0-9.()-]*$/;

/**
 * Loads `dir/*.yaml`, one policy per file named `<id>.yaml` (`tests/` is not read here). Any problem
 * in any file fails the whole pack with every problem listed: a pack never half-loads.
 */
export function loadPolicyPack(dir: string, cwd = process.cwd()): PolicyPack {
  const problems: string[] = [];
  const files = readYamlFolder(dir, cwd, 'policy pack', problems);
  if (files.length === 0 && problems.length === 0) problems.push(`${relative(cwd, dir) || dir}: the pack has no policy files`);
  return packFromYamlFiles(basename(dir), files, problems);
}

/**
 * A pack from policy files however they came (a folder, an API request): each a valid policy in
 * `<id>.yaml`, ids unique. Throws PolicyPackError with every problem, those given included.
 */
export function packFromYamlFiles(name: string, files: readonly { file: string; text: string }[], problems: string[] = []): PolicyPack {
  const policies: Policy[] = [];
  const sources: Record<string, string> = {};
  for (const { file, text } of files) {
    const parsed = parsePolicyFile(file, text, problems);
    if (!parsed) continue;
    const { policy, source } = parsed;
    if (sources[policy.id]) problems.push(problem(source, 'id', `"${policy.id}" is already defined at ${sources[policy.id]}`));
    else if (basename(file).replace(/\.ya?ml$/, '') !== policy.id)
      problems.push(problem(source, 'id', `"${policy.id}" must live in ${policy.id}.yaml`));
    else {
      sources[policy.id] = source;
      policies.push(policy);
    }
  }
  if (problems.length > 0) throw new PolicyPackError(problems);
  policies.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { name, policies, digest: packDigest(policies), sources };
}

/** The pack folder's `tests/` folder. */
export const packTestsDir = (packDir: string) => join(packDir, 'tests');

/** Folders under the policies folder that are not risk-policy packs (the access rules live in `access/`). */
const NOT_PACKS = new Set(['access']);

export function isPackName(name: string): boolean {
  return POLICY_ID.test(name) && !NOT_PACKS.has(name);
}

/** The pack folders under a policies folder, sorted; or the folder itself when it is one pack (has `tests/`). */
export function packFolders(root: string): string[] {
  if (existsSync(packTestsDir(root))) return [root];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_PACKS.has(d.name))
    .map((d) => join(root, d.name))
    .sort();
}

/** Parses one policy file, adding `file:line: field: message` problems; undefined when it has any. */
export function parsePolicyFile(file: string, text: string, problems: string[]): { policy: Policy; source: string } | undefined {
  const src = YamlSource.parse(file, text, problems);
  if (!src) return undefined;
  const map = asMap(src.doc.contents);
  if (!map) {
    problems.push(problem(src.at(src.doc.contents), 'policy', `expected a map with ${POLICY_KEYS.join(', ')}`));
    return undefined;
  }
  const before = problems.length;
  checkKeys(src, map, POLICY_KEYS, '', problems);
  const raw = map.toJSON() as Record<string, unknown>;
  const report = (key: string, message: string) => problems.push(problem(src.atKey(map, key), key, message));
  for (const key of POLICY_KEYS) if (raw[key] === undefined || raw[key] === null) report(key, 'is required');
  for (const key of ['description', 'message']) {
    if (raw[key] != null && !(typeof raw[key] === 'string' && raw[key].trim())) report(key, 'must be non-empty text');
  }
  if (raw.id != null && !(typeof raw.id === 'string' && POLICY_ID.test(raw.id)))
    report('id', 'must be kebab-case (lowercase letters, digits and dashes)');
  if (raw.version != null && !(Number.isInteger(raw.version) && (raw.version as number) > 0))
    report('version', 'must be a positive integer');
  for (const [key, allowed] of [
    ['appliesTo', APPLIES_TO],
    ['severity', SEVERITIES],
    ['effect', EFFECTS],
  ] as const) {
    if (raw[key] != null && !(allowed as readonly unknown[]).includes(raw[key]))
      report(key, `unknown value "${String(raw[key])}" (known: ${allowed.join(', ')})`);
  }
  const frameworks = map.get('frameworks', true);
  if (raw.frameworks != null && (!isSeq(frameworks) || frameworks.items.length === 0)) report('frameworks', 'must be a non-empty list');
  else if (isSeq(frameworks)) {
    frameworks.items.forEach((item, i) => {
      const ref = (item as { value?: unknown }).value;
      if (typeof ref !== 'string' || !FRAMEWORK_REF.test(ref)) {
        problems.push(
          problem(src.at(item), `frameworks[${i}]`, `"${String(ref)}" must look like <framework>:<ref>, e.g. EU-AI-Act:Art.14`),
        );
      }
    });
  }
  const conditions = raw.conditions == null ? undefined : parseConditions(src, map.get('conditions', true), problems);
  if (problems.length > before || !conditions) return undefined;
  const policy = { ...(raw as unknown as Policy), conditions };
  return { policy, source: src.at(map) };
}

import { DETECTOR_NAMES, findPattern, findPii, isCardNumber, mergeSpans, type DetectorName, type PiiSpan } from './detectors';
import { formatPath, parsePath, pathMatches, type PathSegment } from './json-path';
import { RedactionRulesError } from './redaction.errors';

/**
 * At a JSON path (see json-path.ts for the syntax): `redact` replaces the whole value with
 * `[REDACTED:path]`; `keep` leaves it as it is, unscanned (a claim number the phone heuristic would
 * take for a phone number). Where both match, `redact` wins.
 */
export interface PathRule {
  path: string;
  action: 'redact' | 'keep';
}

/** An automation-specific pattern; every match is replaced with `[REDACTED:<name>]`. */
export interface CustomPattern {
  name: string;
  /** A JavaScript regular expression source, without delimiters. */
  pattern: string;
  /** Any of `i`, `m`, `s`, `u`. */
  flags?: string;
}

export interface RedactionRules {
  paths?: readonly PathRule[];
  patterns?: readonly CustomPattern[];
  /** The built-in detectors to run; all of them when omitted. */
  detectors?: readonly DetectorName[];
}

/** What was redacted where: never the redacted text itself. */
export interface RedactionFinding {
  path: string;
  detector: DetectorName | 'path' | (string & {});
  count: number;
}

export interface RedactionResult {
  value: unknown;
  findings: RedactionFinding[];
}

/** Rules validated once (per automation) and reused for every redaction; see `compileRedactionRules`. */
export class CompiledRedactionRules {
  constructor(
    readonly paths: readonly PathSegment[][],
    readonly patterns: readonly { name: string; regex: RegExp }[],
    readonly detectors: readonly DetectorName[],
    /** Paths left unscanned. */
    readonly keep: readonly PathSegment[][] = [],
  ) {}
}

const PATTERN_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const RESERVED_NAMES = new Set<string>([...DETECTOR_NAMES, 'path']);
const MAX_PATTERN_LENGTH = 1000;

export const placeholder = (detector: string): string => `[REDACTED:${detector}]`;

/**
 * Validates and compiles rules once, reporting every problem together. Patterns that can match the empty
 * string are rejected: they would redact nothing useful and flag every string. Zero-width matches that
 * slip past the check (a bare lookahead) are skipped when matching.
 */
export function compileRedactionRules(rules: RedactionRules = {}): CompiledRedactionRules {
  const problems: string[] = [];
  const paths: PathSegment[][] = [];
  const keep: PathSegment[][] = [];
  (rules.paths ?? []).forEach((rule, i) => {
    if (rule.action !== 'redact' && rule.action !== 'keep') problems.push(`paths[${i}]: unknown action "${String(rule.action)}"`);
    try {
      (rule.action === 'keep' ? keep : paths).push(parsePath(rule.path));
    } catch (error) {
      problems.push(`paths[${i}]: ${(error as Error).message}`);
    }
  });
  const names = new Set<string>();
  const patterns = (rules.patterns ?? []).flatMap(({ name, pattern, flags = '' }, i) => {
    const where = `patterns[${i}] (${name})`;
    if (!PATTERN_NAME.test(name)) problems.push(`${where}: name must be lower snake_case`);
    else if (RESERVED_NAMES.has(name)) problems.push(`${where}: name is reserved for a built-in detector`);
    else if (names.has(name)) problems.push(`${where}: name is used twice`);
    names.add(name);
    if (!/^[imsu]*$/.test(flags)) problems.push(`${where}: flags may only be i, m, s, u`);
    if (pattern.length > MAX_PATTERN_LENGTH) problems.push(`${where}: pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, `${flags.replace(/[^imsu]/g, '')}g`);
    } catch (error) {
      problems.push(`${where}: invalid regular expression: ${(error as Error).message}`);
      return [];
    }
    if (regex.test('')) problems.push(`${where}: pattern matches the empty string`);
    regex.lastIndex = 0;
    return [{ name, regex }];
  });
  const detectors = rules.detectors ?? DETECTOR_NAMES;
  for (const name of detectors) if (!DETECTOR_NAMES.includes(name)) problems.push(`detectors: unknown detector "${name}"`);
  if (problems.length > 0) throw new RedactionRulesError(problems);
  return new CompiledRedactionRules(paths, patterns, detectors, keep);
}

/**
 * Returns a redacted copy of a JSON value and where things were redacted; the input is not mutated.
 * - A value at a path rule is replaced whole by `[REDACTED:path]` and not looked into further.
 * - In strings, each detector or custom-pattern match is replaced by `[REDACTED:<detector>]`.
 * - Integers given as numbers are checked as card numbers only (see `isCardNumber`): a number has no
 *   separators or `+`, so phone heuristics would flag amounts, ids and timestamps.
 * - Object keys are scanned as strings are (see `renamedKeys`); a key with a finding is renamed to its
 *   redacted text, and findings below it name the new key, so no path carries what was redacted.
 * Findings come in a fixed order (objects walked by sorted key, arrays by index, detectors in rule order),
 * so the same input yields the same findings whatever its key order.
 */
export function redact(value: unknown, rules: RedactionRules | CompiledRedactionRules = {}): RedactionResult {
  const compiled = rules instanceof CompiledRedactionRules ? rules : compileRedactionRules(rules);
  const findings: RedactionFinding[] = [];
  const order = [...compiled.detectors, ...compiled.patterns.map((p) => p.name)];
  const ancestors = new Set<object>();

  // One path, pushed and popped as the walk descends (it runs on every node of every decision);
  // formatted only where something is found.
  const path: (string | number)[] = [];
  const hasPathRules = compiled.paths.length > 0;
  const hasKeepRules = compiled.keep.length > 0;
  let scanning = true;
  const scansNumbers = compiled.detectors.includes('payment_card');

  const walk = (node: unknown): unknown => {
    if (hasPathRules && compiled.paths.some((rule) => pathMatches(rule, path))) {
      findings.push({ path: formatPath(path), detector: 'path', count: 1 });
      return placeholder('path');
    }
    if (hasKeepRules && scanning && compiled.keep.some((rule) => pathMatches(rule, path))) {
      // Below a keep path nothing is scanned, but redact paths still apply.
      scanning = false;
      const kept = walk(node);
      scanning = true;
      return kept;
    }
    if (typeof node === 'string') return scanning ? redactString(node) : node;
    if ((typeof node === 'number' || typeof node === 'bigint') && scanning && scansNumbers && isCardNumber(node)) {
      findings.push({ path: formatPath(path), detector: 'payment_card', count: 1 });
      return placeholder('payment_card');
    }
    if (typeof node !== 'object' || node === null) return node;
    if (typeof (node as { toJSON?: unknown }).toJSON === 'function') return walk((node as { toJSON(): unknown }).toJSON());
    if (ancestors.has(node)) throw new TypeError(`redact: circular reference at ${formatPath(path)}`);
    ancestors.add(node);
    const copy = Array.isArray(node) ? walkArray(node) : walkObject(node as Record<string, unknown>);
    ancestors.delete(node);
    return copy;
  };

  const child = (node: unknown, key: string | number): unknown => {
    path.push(key);
    const out = walk(node);
    path.pop();
    return out;
  };

  const walkArray = (node: unknown[]) => node.map((item, i) => child(item, i));

  // Keys are visited sorted for the order of findings, but the copy keeps the input's key order.
  // A `__proto__` key (from JSON.parse) is defined as an own property, never set as the prototype.
  const walkObject = (node: Record<string, unknown>) => {
    const keys = Object.keys(node);
    const renamed = scanning ? renamedKeys(keys, scan) : NO_RENAMES;
    const redacted = new Map<string, unknown>();
    for (const key of keys.length > 1 ? [...keys].sort() : keys) {
      const rename = renamed.get(key);
      if (!rename) {
        redacted.set(key, child(node[key], key));
        continue;
      }
      path.push(rename.name);
      report(rename.spans);
      path.pop();
      redacted.set(key, child(node[key], rename.name));
    }
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      const name = renamed.get(key)?.name ?? key;
      if (name === '__proto__')
        Object.defineProperty(copy, name, { value: redacted.get(key), enumerable: true, writable: true, configurable: true });
      else copy[name] = redacted.get(key);
    }
    return copy;
  };

  /** What the detectors and patterns find in a string, merged without overlaps. */
  const scan = (text: string): PiiSpan[] => {
    const pii = findPii(text, compiled.detectors);
    const custom = compiled.patterns.length === 0 ? [] : compiled.patterns.flatMap(({ name, regex }) => findPattern(text, regex, name));
    return custom.length === 0 ? pii : mergeSpans([...pii, ...custom], order);
  };

  const report = (spans: readonly PiiSpan[]) => {
    for (const detector of order) {
      const count = spans.filter((s) => s.detector === detector).length;
      if (count > 0) findings.push({ path: formatPath(path), detector, count });
    }
  };

  const redactString = (text: string): string => {
    const spans = scan(text);
    if (spans.length === 0) return text;
    report(spans);
    return replaceSpans(text, spans);
  };

  return { value: walk(value), findings };
}

function replaceSpans(text: string, spans: readonly PiiSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + placeholder(span.detector);
    at = span.end;
  }
  return out + text.slice(at);
}

interface KeyRename {
  name: string;
  spans: PiiSpan[];
}

const NO_RENAMES: ReadonlyMap<string, KeyRename> = new Map();

/**
 * The new names of an object's keys that hold something to redact: the key's redacted text
 * (`"call [REDACTED:phone]"`). Keys stay unique, and the names do not depend on the input's key
 * order: keys left as they are keep their names, and the renamed ones, in sorted order of the
 * original keys, take `#2`, `#3`… after a name already taken.
 */
function renamedKeys(keys: readonly string[], scan: (text: string) => PiiSpan[]): ReadonlyMap<string, KeyRename> {
  let renamed: Map<string, KeyRename> | undefined;
  for (const key of keys) {
    const spans = scan(key);
    if (spans.length > 0) (renamed ??= new Map()).set(key, { name: replaceSpans(key, spans), spans });
  }
  if (!renamed) return NO_RENAMES;
  const taken = new Set(keys.filter((key) => !renamed.has(key)));
  for (const key of [...renamed.keys()].sort()) {
    const rename = renamed.get(key)!;
    let name = rename.name;
    for (let n = 2; taken.has(name); n++) name = `${rename.name}#${n}`;
    rename.name = name;
    taken.add(name);
  }
  return renamed;
}

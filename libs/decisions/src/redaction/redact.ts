import { DETECTOR_NAMES, findPattern, findPii, isCardNumber, mergeSpans, type DetectorName, type PiiSpan } from './detectors';
import { formatPath, parsePath, pathMatches, type ConcretePath, type PathSegment } from './json-path';
import { RedactionRulesError } from './redaction.errors';

/** Replace the whole value at a JSON path (see json-path.ts for the syntax) with `[REDACTED:path]`. */
export interface PathRule {
  path: string;
  action: 'redact';
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
  const paths = (rules.paths ?? []).flatMap((rule, i) => {
    if (rule.action !== 'redact') problems.push(`paths[${i}]: unknown action "${String(rule.action)}"`);
    try {
      return [parsePath(rule.path)];
    } catch (error) {
      problems.push(`paths[${i}]: ${(error as Error).message}`);
      return [];
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
  return new CompiledRedactionRules(paths, patterns, detectors);
}

/**
 * Returns a redacted copy of a JSON value and where things were redacted; the input is not mutated.
 * - A value at a path rule is replaced whole by `[REDACTED:path]` and not looked into further.
 * - In strings, each detector or custom-pattern match is replaced by `[REDACTED:<detector>]`.
 * - Integers given as numbers are checked as card numbers only (see `isCardNumber`): a number has no
 *   separators or `+`, so phone heuristics would flag amounts, ids and timestamps.
 * - Object keys are kept as they are: redacting them could merge two keys into one.
 * Findings come in a fixed order (objects walked by sorted key, arrays by index, detectors in rule order),
 * so the same input yields the same findings whatever its key order.
 */
export function redact(value: unknown, rules: RedactionRules | CompiledRedactionRules = {}): RedactionResult {
  const compiled = rules instanceof CompiledRedactionRules ? rules : compileRedactionRules(rules);
  const findings: RedactionFinding[] = [];
  const order = [...compiled.detectors, ...compiled.patterns.map((p) => p.name)];
  const ancestors = new Set<object>();

  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (compiled.paths.some((rule) => pathMatches(rule, path))) {
      findings.push({ path: formatPath(path), detector: 'path', count: 1 });
      return placeholder('path');
    }
    if (typeof node === 'string') return redactString(node, path);
    if ((typeof node === 'number' || typeof node === 'bigint') && compiled.detectors.includes('payment_card') && isCardNumber(node)) {
      findings.push({ path: formatPath(path), detector: 'payment_card', count: 1 });
      return placeholder('payment_card');
    }
    if (typeof node !== 'object' || node === null) return node;
    if (typeof (node as { toJSON?: unknown }).toJSON === 'function') return walk((node as { toJSON(): unknown }).toJSON(), path);
    if (ancestors.has(node)) throw new TypeError(`redact: circular reference at ${formatPath(path)}`);
    ancestors.add(node);
    const copy = Array.isArray(node) ? walkArray(node, path) : walkObject(node as Record<string, unknown>, path);
    ancestors.delete(node);
    return copy;
  };

  const walkArray = (node: unknown[], path: ConcretePath) => node.map((item, i) => walk(item, [...path, i]));

  // Keys are visited sorted for the order of findings, but the copy keeps the input's key order.
  // Object.fromEntries defines own properties, so a `__proto__` key from JSON.parse stays a plain key.
  const walkObject = (node: Record<string, unknown>, path: ConcretePath) => {
    const keys = Object.keys(node);
    const redacted = new Map([...keys].sort().map((key) => [key, walk(node[key], [...path, key])]));
    return Object.fromEntries(keys.map((key) => [key, redacted.get(key)]));
  };

  const redactString = (text: string, path: ConcretePath): string => {
    const found: PiiSpan[] = [
      ...findPii(text, compiled.detectors),
      ...compiled.patterns.flatMap(({ name, regex }) => findPattern(text, regex, name)),
    ];
    const spans = mergeSpans(found, order);
    if (spans.length === 0) return text;
    for (const detector of order) {
      const count = spans.filter((s) => s.detector === detector).length;
      if (count > 0) findings.push({ path: formatPath(path), detector, count });
    }
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + placeholder(span.detector);
      at = span.end;
    }
    return out + text.slice(at);
  };

  return { value: walk(value, []), findings };
}

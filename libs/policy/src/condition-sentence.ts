import type { Condition, FactCondition, OperatorName } from './policy.types';

/** How each operator reads between a fact and its value. */
const OPERATOR_WORDS: Record<OperatorName, string> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is greater than',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'includes',
  doesNotContain: 'does not include',
};

/** A literal as people read it: strings bare, null as "absent", lists joined with "or"/"nor". */
function literal(value: unknown, joiner = 'or'): string {
  if (value === null || value === undefined) return 'absent';
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v));
    return items.length <= 1 ? (items[0] ?? 'nothing') : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `modelVersion.metrics` with path `$.accuracy` reads `modelVersion.metrics.accuracy`. */
function factName(fact: string, path?: unknown): string {
  return typeof path === 'string' ? `${fact}${path.slice(1)}` : fact;
}

/** One comparison: `automation.riskClass is high`, `decision.confidence is less than 0.7`, `context.reviewer is absent`. */
export function factSentence(c: FactCondition): string {
  const value = c.value as { fact?: unknown; path?: unknown } | null;
  const isReference = typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.fact === 'string';
  const right = isReference
    ? `the value of ${factName(value.fact as string, value.path)}`
    : literal(c.value, c.operator === 'notIn' ? 'nor' : 'or');
  const words = c.value === null && c.operator === 'equal' ? 'is' : OPERATOR_WORDS[c.operator];
  return `${factName(c.fact, c.path)} ${words} ${right}`;
}

const isGroup = (c: Condition): boolean => 'all' in c || 'any' in c;

/**
 * A condition tree as one readable sentence: `all` joins with "and", `any` with "or", `not` reads
 * "it is not the case that …"; nested groups sit in parentheses so the grouping is never ambiguous.
 * Pure and total over the conditions the pack loader accepts (docs/policies.md).
 */
export function conditionSentence(c: Condition): string {
  if ('all' in c || 'any' in c) {
    const [parts, joiner] = 'all' in c ? [c.all, 'and'] : [c.any, 'or'];
    if (parts.length === 1) return conditionSentence(parts[0]);
    return parts.map((p) => (isGroup(p) && !single(p) ? `(${conditionSentence(p)})` : conditionSentence(p))).join(` ${joiner} `);
  }
  if ('not' in c) {
    const inner = conditionSentence(c.not);
    return isGroup(c.not) && !single(c.not) ? `it is not the case that (${inner})` : `it is not the case that ${inner}`;
  }
  return factSentence(c);
}

function single(c: Condition): boolean {
  return ('all' in c && c.all.length === 1) || ('any' in c && c.any.length === 1);
}

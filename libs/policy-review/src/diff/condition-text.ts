import type { Condition, FactCondition } from '@attest/policy';

/** A fact condition as a reviewer reads it: `automation.riskClass equal "high"`, `modelVersion.metrics $.accuracy lessThan 0.8`. */
export function factConditionText(c: FactCondition): string {
  const value = c.value as { fact?: unknown; path?: unknown } | null;
  const right =
    typeof value === 'object' && value !== null && typeof value.fact === 'string'
      ? `fact ${value.fact}${typeof value.path === 'string' ? ` ${value.path}` : ''}`
      : JSON.stringify(c.value);
  return `${c.fact}${c.path ? ` ${c.path}` : ''} ${c.operator} ${right}`;
}

/** A whole condition on one line: `all(a, any(b, c), not(d))`. */
export function conditionText(c: Condition): string {
  if ('all' in c) return `all(${c.all.map(conditionText).join(', ')})`;
  if ('any' in c) return `any(${c.any.map(conditionText).join(', ')})`;
  if ('not' in c) return `not(${conditionText(c.not)})`;
  return factConditionText(c);
}

/** Canonical JSON (sorted keys), to compare conditions and policies by content. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

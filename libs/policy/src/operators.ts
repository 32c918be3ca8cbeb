import type { OperatorName } from './policy.types';

/**
 * json-rules-engine 7's built-in operators, restated so the compiled evaluator needs no engine. Each
 * is the engine's callback guarded by its fact-value validator; the differential test holds them equal.
 */
const isNumberLike = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const indexOf = (list: unknown, item: unknown) => (list as unknown[]).indexOf(item);

export const OPERATOR_FUNCTIONS: Record<OperatorName, (fact: unknown, value: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
};

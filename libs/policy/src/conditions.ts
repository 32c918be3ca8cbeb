import { isMap, isSeq, type YAMLMap } from 'yaml';
import { factDefinition, isPlainObject, type FactType } from './fact-catalogue';
import { OPERATORS, type Condition, type FactCondition, type OperatorName, type TopLevelCondition } from './policy.types';
import { checkKeys, problem, type YamlSource } from './yaml-source';

const BOOLEAN = ['all', 'any', 'not'] as const;
/** Only plain property paths (`$.accuracy`, `$.a.b`): the compiled evaluator walks them without JSONPath. */
export const FACT_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const NUMERIC: readonly OperatorName[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const LIST_VALUE: readonly OperatorName[] = ['in', 'notIn'];
const ARRAY_FACT: readonly OperatorName[] = ['contains', 'doesNotContain'];

/** Validates a policy's `conditions`: a top-level `all`, `any` or `not` over catalogue facts. */
export function parseConditions(src: YamlSource, node: unknown, problems: string[]): TopLevelCondition | undefined {
  const condition = parseCondition(src, node, 'conditions', problems);
  if (condition && 'fact' in condition) {
    problems.push(problem(src.at(node), 'conditions', 'the top level must be all, any or not'));
    return undefined;
  }
  return condition;
}

function parseCondition(src: YamlSource, node: unknown, field: string, problems: string[]): Condition | undefined {
  if (!isMap(node)) {
    problems.push(problem(src.at(node), field, 'expected a condition (all, any, not or fact/operator/value)'));
    return undefined;
  }
  const keys = node.items.map((p) => String((p.key as { value?: unknown })?.value));
  const op = BOOLEAN.find((k) => keys.includes(k));
  if (!op) return parseFactCondition(src, node, field, problems);
  if (keys.length !== 1) {
    problems.push(problem(src.at(node), field, `"${op}" cannot be combined with other fields (${keys.join(', ')})`));
    return undefined;
  }
  const child = node.get(op, true);
  if (op === 'not') {
    const inner = parseCondition(src, child, `${field}.not`, problems);
    return inner && { not: inner };
  }
  if (!isSeq(child) || child.items.length === 0) {
    problems.push(problem(src.atKey(node, op), `${field}.${op}`, 'must be a non-empty list of conditions'));
    return undefined;
  }
  const parts = child.items.map((item, i) => parseCondition(src, item, `${field}.${op}[${i}]`, problems));
  if (parts.some((p) => !p)) return undefined;
  return op === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
}

function parseFactCondition(src: YamlSource, node: YAMLMap, field: string, problems: string[]): FactCondition | undefined {
  const before = problems.length;
  const report = (key: string, message: string) => problems.push(problem(src.atKey(node, key), `${field}.${key}`, message));
  checkKeys(src, node, ['fact', 'operator', 'value', 'path'], field, problems);
  const raw = node.toJSON() as Record<string, unknown>;
  for (const key of ['fact', 'operator', 'value']) if (!(key in raw)) report(key, 'is required');
  const def = typeof raw.fact === 'string' ? factDefinition(raw.fact) : undefined;
  if ('fact' in raw && !def) report('fact', `unknown fact "${String(raw.fact)}" (see the fact catalogue in docs/policies.md)`);
  const operator = raw.operator as OperatorName;
  if ('operator' in raw && !OPERATORS.includes(operator))
    report('operator', `unknown operator "${String(operator)}" (known: ${OPERATORS.join(', ')})`);
  let type: FactType | undefined = def?.type;
  if (raw.path !== undefined) {
    if (typeof raw.path !== 'string' || !FACT_PATH.test(raw.path)) report('path', 'must look like $.name or $.name.sub');
    else if (type !== 'object' && type !== 'any') report('path', `fact "${String(raw.fact)}" is not an object`);
    type = 'any';
  }
  if (problems.length > before || !def) return undefined;

  const value = raw.value;
  const reference = isPlainObject(value);
  if (reference && !isFactReference(value)) report('value', 'an object value must be { fact, path? } naming a catalogue fact');
  else if (LIST_VALUE.includes(operator) && !(Array.isArray(value) && value.every(isScalar)))
    report('value', `"${operator}" needs a literal list`);
  else if (!LIST_VALUE.includes(operator) && !reference && !isScalar(value))
    report('value', `"${operator}" compares with a single value, not a list`);
  else if (NUMERIC.includes(operator) && !(reference || typeof value === 'number')) report('value', `"${operator}" needs a number`);
  else if (NUMERIC.includes(operator) && type !== 'number' && type !== 'any')
    report('operator', `"${operator}" needs a number fact, "${def.name}" is ${type}`);
  else if (ARRAY_FACT.includes(operator) && type !== 'string[]' && type !== 'any')
    report('operator', `"${operator}" needs a list fact, "${def.name}" is ${type}`);
  else if (!reference && def.values) {
    const unknown = [value].flat().find((v) => v !== null && !def.values!.includes(v as string));
    if (unknown !== undefined) report('value', `"${String(unknown)}" is not a value of ${def.name} (known: ${def.values.join(', ')})`);
  }
  if (problems.length > before) return undefined;
  const condition: FactCondition = { fact: def.name, operator, value };
  if (raw.path !== undefined) condition.path = raw.path as string;
  return condition;
}

function isFactReference(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  const pathOk = value.path === undefined || (typeof value.path === 'string' && FACT_PATH.test(value.path));
  return keys.every((k) => k === 'fact' || k === 'path') && typeof value.fact === 'string' && !!factDefinition(value.fact) && pathOk;
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

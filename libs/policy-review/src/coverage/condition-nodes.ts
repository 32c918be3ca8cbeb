import { isMap, isSeq } from 'yaml';
import type { Condition } from '@attest/policy';

/** One node of a policy's condition tree, with the YAML node it was parsed from (when it can be found). */
export interface ConditionNode {
  /** Named like the loader's problem fields: `conditions`, `conditions.all[1]`, `conditions.any[0].not`. */
  path: string;
  condition: Condition;
  yaml: unknown;
}

/** Every node of `condition`, groups before their children, in document order. */
export function conditionNodes(condition: Condition, yaml: unknown, path = 'conditions'): ConditionNode[] {
  const here: ConditionNode = { path, condition, yaml };
  const child = (key: string) => (isMap(yaml) ? yaml.get(key, true) : undefined);
  if ('not' in condition) return [here, ...conditionNodes(condition.not, child('not'), `${path}.not`)];
  if ('fact' in condition) return [here];
  const key = 'all' in condition ? 'all' : 'any';
  const parts = 'all' in condition ? condition.all : condition.any;
  const list = child(key);
  const items = isSeq(list) ? list.items : [];
  return [here, ...parts.flatMap((part, i) => conditionNodes(part, items[i], `${path}.${key}[${i}]`))];
}

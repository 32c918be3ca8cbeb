import type { Condition } from '@attest/policy';
import { canonical, conditionText } from './condition-text';

/** One difference between two condition trees, at a path into the head's (or, removed, the base's) YAML. */
export interface ConditionChange {
  /** e.g. `conditions.all[1]`, `conditions.any[0].not`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

const groupOf = (c: Condition): 'all' | 'any' | 'not' | 'fact' => ('all' in c ? 'all' : 'any' in c ? 'any' : 'not' in c ? 'not' : 'fact');

/**
 * Condition by condition: groups of the same kind are compared child by child — identical
 * children are matched first (wherever they moved), then the rest pair up by the fact they test
 * (a changed operator or value), and what is left was added or removed. A group that changed kind
 * (all → any) is one change of the whole group.
 */
export function diffConditions(base: Condition, head: Condition, path = 'conditions'): ConditionChange[] {
  if (canonical(base) === canonical(head)) return [];
  const kind = groupOf(base);
  if (kind !== groupOf(head) || kind === 'fact')
    return [{ path, change: 'changed', before: conditionText(base), after: conditionText(head) }];
  if (kind === 'not') return diffConditions((base as { not: Condition }).not, (head as { not: Condition }).not, `${path}.not`);
  const before = (base as Record<string, Condition[]>)[kind];
  const after = (head as Record<string, Condition[]>)[kind];
  const unmatchedBase = new Set(before.keys());
  const unmatchedHead = new Set(after.keys());
  for (const h of after.keys()) {
    const b = [...unmatchedBase].find((i) => canonical(before[i]) === canonical(after[h]));
    if (b !== undefined) {
      unmatchedBase.delete(b);
      unmatchedHead.delete(h);
    }
  }
  const changes: ConditionChange[] = [];
  for (const h of [...unmatchedHead]) {
    const b = [...unmatchedBase].find((i) => sameSubject(before[i], after[h]));
    if (b === undefined) continue;
    unmatchedBase.delete(b);
    unmatchedHead.delete(h);
    changes.push(...diffConditions(before[b], after[h], `${path}.${kind}[${h}]`));
  }
  for (const h of unmatchedHead) changes.push({ path: `${path}.${kind}[${h}]`, change: 'added', after: conditionText(after[h]) });
  for (const b of unmatchedBase) changes.push({ path: `${path}.${kind}[${b}]`, change: 'removed', before: conditionText(before[b]) });
  return changes.sort((x, y) => x.path.localeCompare(y.path, 'en', { numeric: true }) || x.change.localeCompare(y.change));
}

/** Two fact conditions on the same fact (and path), or two groups of the same kind: one changed rather than one removed and one added. */
function sameSubject(a: Condition, b: Condition): boolean {
  const kind = groupOf(a);
  if (kind !== groupOf(b)) return false;
  if (kind !== 'fact') return true;
  const [x, y] = [a, b] as { fact: string; path?: string }[];
  return x.fact === y.fact && (x.path ?? '') === (y.path ?? '');
}

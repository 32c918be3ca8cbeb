import type { Policy, PolicyPack } from '@attest/policy';
import { diffConditions, type ConditionChange } from './condition-diff';
import { canonical } from './condition-text';

/** The fields of a policy other than its conditions, in the order a reviewer reads them. */
const FIELDS = ['version', 'appliesTo', 'effect', 'severity', 'frameworks', 'description', 'message'] as const;
type PolicyField = (typeof FIELDS)[number];

export interface FieldChange {
  field: PolicyField;
  before: unknown;
  after: unknown;
}

export interface PolicyChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
  base?: Policy;
  head?: Policy;
  fields: FieldChange[];
  conditions: ConditionChange[];
  /** `file:line` of the policy in the head (the base's when removed). */
  source: string;
}

export interface PackDiff {
  pack: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  baseDigest: string | null;
  headDigest: string | null;
  /** By policy id. */
  policies: PolicyChange[];
}

/** Every pack of either side, by name: what was added, removed, and changed policy by policy, field by field, condition by condition. */
export function diffPacks(base: readonly PolicyPack[], head: readonly PolicyPack[]): PackDiff[] {
  const names = [...new Set([...base, ...head].map((p) => p.name))].sort();
  return names.map((name) => {
    const b = base.find((p) => p.name === name);
    const h = head.find((p) => p.name === name);
    const policies = diffPolicies(b, h);
    const change = !b ? 'added' : !h ? 'removed' : b.digest === h.digest ? 'unchanged' : 'changed';
    return { pack: name, change, baseDigest: b?.digest ?? null, headDigest: h?.digest ?? null, policies };
  });
}

function diffPolicies(base: PolicyPack | undefined, head: PolicyPack | undefined): PolicyChange[] {
  const byId = (pack: PolicyPack | undefined) => new Map((pack?.policies ?? []).map((p) => [p.id, p]));
  const [before, after] = [byId(base), byId(head)];
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: PolicyChange[] = [];
  for (const id of ids) {
    const b = before.get(id);
    const h = after.get(id);
    if (!b) changes.push({ id, change: 'added', head: h, fields: [], conditions: [], source: head!.sources[id] });
    else if (!h) changes.push({ id, change: 'removed', base: b, fields: [], conditions: [], source: base!.sources[id] });
    else if (canonical(b) !== canonical(h)) {
      const fields = FIELDS.filter((f) => canonical(b[f]) !== canonical(h[f])).map((field) => ({
        field,
        before: b[field],
        after: h[field],
      }));
      changes.push({
        id,
        change: 'changed',
        base: b,
        head: h,
        fields,
        conditions: diffConditions(b.conditions, h.conditions),
        source: head!.sources[id],
      });
    }
  }
  return changes;
}

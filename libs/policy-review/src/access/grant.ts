import type { AccessRule } from '@attest/identity';
import { canonical } from '../diff/condition-text';
import { dropImpliedFields, fieldsOverlap, mergeByConditions, sortedUnique, sortPermits, sortSources, type Permit } from './permit';

/**
 * What one role may do with one action on one subject type, normalised so that rules written
 * differently (split, merged, reordered, keys or fields in another order) but allowing the same
 * thing give the same grant:
 * - `none`: never (sources: the "cannot" rules that took a grant away, if any);
 * - `always`: every object of the tenant, every field;
 * - `limited`: what any of `allow` permits, except where one of `except` applies.
 */
export type Grant =
  | { kind: 'none'; sources: string[] }
  | { kind: 'always'; sources: string[] }
  | { kind: 'limited'; allow: Permit[]; except: Permit[]; sources: string[] };

/**
 * The grant made by those rules of one role that apply to one action and subject type, as CASL
 * decides it for a given object and field under `buildAbility`: that factory puts every "cannot"
 * after every grant, and CASL lets the last matching rule decide, so access is "some grant
 * matches and no cannot does", whatever the order in the file.
 *
 * Simplifications: the tenant condition every grant gets is left out (it is the same for all).
 * Conditions are compared as canonical JSON, not by meaning (`{a: {$in: [x]}}` differs from
 * `{a: x}`), so a conditional cannot stays an exception to every grant whose fields it touches,
 * even where both conditions could never hold together. Field names are taken literally (CASL's
 * `*` patterns are not expanded). The answer is per object and field, not for CASL's type-level
 * checks (which ignore conditional cannots and field-level cannots).
 */
export function grantFrom(rules: readonly AccessRule[]): Grant {
  const allow = dropImpliedFields(mergeByConditions(rules.filter((r) => !r.inverted).map(permitOf)));
  const deny = dropImpliedFields(mergeByConditions(rules.filter((r) => r.inverted).map(permitOf)));
  const { kept, takenBy } = applyDenials(allow, deny);
  if (kept.length === 0) return { kind: 'none', sources: sortSources(takenBy) };

  // What a cannot could not simply subtract stays as an exception, if it touches a kept field.
  const except = sortPermits(deny.filter((d) => kept.some((a) => fieldsOverlap(a, d))));
  const sources = sortSources([...kept, ...except].flatMap((p) => p.sources));
  const [only] = kept;
  if (kept.length === 1 && only.conditions === null && only.fields === null && except.length === 0) return { kind: 'always', sources };
  return { kind: 'limited', allow: sortPermits(kept), except, sources };
}

function permitOf(rule: AccessRule): Permit {
  const conditional = rule.conditions !== undefined && Object.keys(rule.conditions).length > 0;
  return {
    conditions: conditional ? canonical(rule.conditions) : null,
    fields: rule.fields ? sortedUnique(rule.fields) : null,
    sources: [rule.source],
  };
}

/**
 * Subtracts each cannot from the grants it certainly applies to (its conditions are none or the
 * grant's own): a whole grant when it names no fields, else the fields it names when the grant
 * lists its fields. Order does not matter: both are set subtractions.
 */
function applyDenials(allow: readonly Permit[], deny: readonly Permit[]): { kept: Permit[]; takenBy: string[] } {
  const takenBy: string[] = [];
  const kept = allow.flatMap((grant) => {
    let current: Permit | undefined = grant;
    for (const denial of deny) {
      const applies = denial.conditions === null || denial.conditions === grant.conditions;
      if (!current || !applies || !fieldsOverlap(current, denial)) continue;
      if (denial.fields !== null && current.fields === null) continue;
      takenBy.push(...denial.sources);
      const fields: string[] = denial.fields === null ? [] : current.fields!.filter((f) => !denial.fields!.includes(f));
      current = fields.length > 0 ? { ...current, fields, sources: sortSources([...current.sources, ...denial.sources]) } : undefined;
    }
    return current ? [current] : [];
  });
  return { kept, takenBy };
}

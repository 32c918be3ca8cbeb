import { ROLES, type AccessPolicy, type Role } from '@attest/identity';
import type { Grant } from './grant';
import { grantIncludes } from './grant-inclusion';
import { grantText } from './grant-text';
import { CONCRETE_ACTIONS, CONCRETE_SUBJECTS, permissionTable, type ConcreteAction, type ConcreteSubject } from './permission-table';

export const ACCESS_CHANGE_KINDS = ['gained', 'lost', 'widened', 'narrowed', 'changed'] as const;
/** `widened` / `narrowed` when one grant visibly includes the other, else `changed`. */
export type AccessChangeKind = (typeof ACCESS_CHANGE_KINDS)[number];

/** One cell of the permission table whose grant differs between base and head. */
export interface AccessChange {
  role: Role;
  action: ConcreteAction;
  subject: ConcreteSubject;
  /** The grants as `grantText` writes them. */
  before: string;
  after: string;
  change: AccessChangeKind;
  /** `file:line` of the head rules behind the new grant; of the base rules when the head has none. */
  sources: string[];
}

export type AccessSummary = { role: Role } & Record<AccessChangeKind, number>;

/**
 * Who gains or loses what, cell by cell, in role (ROLES), subject (SUBJECTS), action (ACTIONS)
 * order. A role missing from one side (added or removed) counts as having no rules there.
 */
export function diffAccess(base: Partial<AccessPolicy>, head: Partial<AccessPolicy>): AccessChange[] {
  const [before, after] = [permissionTable(base), permissionTable(head)];
  const changes: AccessChange[] = [];
  for (const role of ROLES) {
    for (const subject of CONCRETE_SUBJECTS) {
      for (const action of CONCRETE_ACTIONS) {
        const [was, is] = [before[role][subject][action], after[role][subject][action]];
        const [wasText, isText] = [grantText(was), grantText(is)];
        if (wasText === isText) continue;
        const sources = is.sources.length > 0 ? is.sources : was.sources;
        changes.push({ role, action, subject, before: wasText, after: isText, change: changeKind(was, is), sources });
      }
    }
  }
  return changes;
}

/** How many changes of each kind every role has, for roles with any, in ROLES order. */
export function summariseAccess(changes: readonly AccessChange[]): AccessSummary[] {
  return ROLES.flatMap((role) => {
    const own = changes.filter((c) => c.role === role);
    if (own.length === 0) return [];
    const counts = Object.fromEntries(ACCESS_CHANGE_KINDS.map((kind) => [kind, own.filter((c) => c.change === kind).length]));
    return [{ role, ...counts } as AccessSummary];
  });
}

function changeKind(was: Grant, is: Grant): AccessChangeKind {
  if (was.kind === 'none') return 'gained';
  if (is.kind === 'none') return 'lost';
  const [wider, narrower] = [grantIncludes(is, was), grantIncludes(was, is)];
  if (wider && !narrower) return 'widened';
  if (narrower && !wider) return 'narrowed';
  return 'changed';
}

import { ACTIONS, ROLES, SUBJECTS, type AccessPolicy, type AccessRule, type Action, type Role, type SubjectType } from '@attest/identity';
import { grantFrom, type Grant } from './grant';

/** The actions and subjects a check names; `manage` and `all` only stand for them in rules. */
export type ConcreteAction = Exclude<Action, 'manage'>;
export type ConcreteSubject = Exclude<SubjectType, 'all'>;
export const CONCRETE_ACTIONS = ACTIONS.filter((a): a is ConcreteAction => a !== 'manage');
export const CONCRETE_SUBJECTS = SUBJECTS.filter((s): s is ConcreteSubject => s !== 'all');

/** Every role × subject × action, each with its normalised grant (see `grantFrom`). */
export type PermissionTable = Record<Role, Record<ConcreteSubject, Record<ConcreteAction, Grant>>>;

/** Who can do what. A role the policy does not define (added or removed in a change) has no rules. */
export function permissionTable(policy: Partial<AccessPolicy>): PermissionTable {
  return Object.fromEntries(ROLES.map((role) => [role, roleTable(policy[role]?.rules ?? [])])) as PermissionTable;
}

/** Whether a rule speaks of this action and subject, directly or through `manage` / `all`. */
export function ruleApplies(rule: AccessRule, action: ConcreteAction, subject: ConcreteSubject): boolean {
  const actions: readonly Action[] = rule.action;
  const subjects: readonly SubjectType[] = rule.subject;
  return (actions.includes(action) || actions.includes('manage')) && (subjects.includes(subject) || subjects.includes('all'));
}

function roleTable(rules: readonly AccessRule[]): PermissionTable[Role] {
  const bySubject = CONCRETE_SUBJECTS.map((subject) => {
    const byAction = CONCRETE_ACTIONS.map((action) => [action, grantFrom(rules.filter((r) => ruleApplies(r, action, subject)))]);
    return [subject, Object.fromEntries(byAction)];
  });
  return Object.fromEntries(bySubject) as PermissionTable[Role];
}

import { createMongoAbility, type RawRuleOf, type MongoAbility } from '@casl/ability';

/** policies/access/roles.yaml as parsed: who may do what, the same data the server's guard reads. */
export interface AccessPolicyDocument {
  roles: Record<string, { rules: AccessRule[] }>;
}

interface AccessRule {
  action: string | string[];
  subject: string | string[];
  conditions?: Record<string, unknown>;
  fields?: string[];
  inverted?: boolean;
}

/** May the principal do `action` on some `subject` (policies/access vocabulary: `approve`, `ModelVersion`)? */
export type Can = (action: string, subject: string) => boolean;

/**
 * The server's ability (libs/identity/src/access/ability.factory.ts) asked at the type level: a
 * conditional grant ("their own models") answers yes, as the row is not known here; an unconditional
 * "cannot" wins over every role's grants. The console only hides what is certainly refused; the API
 * still decides on the rows.
 */
export function buildCan(policy: AccessPolicyDocument, roles: readonly string[]): Can {
  const rules: RawRuleOf<MongoAbility>[] = [];
  for (const role of new Set(roles.map((r) => r.toLowerCase()))) {
    for (const rule of policy.roles[role]?.rules ?? []) {
      rules.push({ action: rule.action, subject: rule.subject, conditions: rule.conditions, fields: rule.fields, inverted: rule.inverted });
    }
  }
  rules.sort((a, b) => Number(Boolean(a.inverted)) - Number(Boolean(b.inverted)));
  const ability = createMongoAbility(rules);
  return (action, subject) => ability.can(action, subject);
}

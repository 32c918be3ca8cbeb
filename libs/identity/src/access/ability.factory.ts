import { createMongoAbility, subject as asSubject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import type { AccessPolicy } from './access-policy';
import type { Action, Role, SubjectType } from './vocabulary';

/** A row (or a view of one) tagged with its subject type, as CASL matches conditions against it. */
export type TaggedSubject = { __caslSubjectType__: SubjectType };
export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject]>;

/** What the rules may know about the acting principal. */
export interface PrincipalFacts {
  id: string;
  tenantId: string;
  roles: Role[];
  /** Automations a service principal is bound to. */
  automationIds: string[];
}

/**
 * Builds the CASL ability of a principal from its roles' rules. Placeholders are filled in, and
 * every rule is confined to the principal's tenant (row-level security enforces it again below).
 */
export function buildAbility(policy: AccessPolicy, principal: PrincipalFacts): AppAbility {
  const values: Record<string, unknown> = {
    'principal.id': principal.id,
    'principal.tenantId': principal.tenantId,
    'principal.automationIds': principal.automationIds,
  };
  const rules: RawRuleOf<AppAbility>[] = [];
  for (const role of new Set(principal.roles)) {
    for (const rule of policy[role].rules) {
      rules.push({
        action: rule.action,
        subject: rule.subject,
        // Grants are confined to the tenant; a "cannot" stays unconditional unless written otherwise,
        // so that it also answers type-level checks (CASL ignores conditional cannots there).
        conditions: rule.inverted
          ? (interpolate(rule.conditions, values) as object | undefined)
          : { ...(interpolate(rule.conditions ?? {}, values) as object), tenantId: principal.tenantId },
        fields: rule.fields,
        inverted: rule.inverted,
      });
    }
  }
  // Inverted rules must come last to take precedence over every role's grants.
  rules.sort((a, b) => Number(Boolean(a.inverted)) - Number(Boolean(b.inverted)));
  return createMongoAbility<AppAbility>(rules);
}

/** Tags a plain object with its subject type so that CASL can match conditions against it. */
export function subjectOf<T extends object>(type: SubjectType, value: T): T & TaggedSubject {
  return asSubject(type, { ...value });
}

function interpolate(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) return values[whole[1]];
    return value.replace(/\$\{([^}]+)\}/g, (_, key: string) => String(values[key]));
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, values)]));
  }
  return value;
}

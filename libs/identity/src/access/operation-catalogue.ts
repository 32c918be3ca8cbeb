import type { Type } from '@nestjs/common';
import { buildAbility } from './ability.factory';
import type { AccessPolicy } from './access-policy';
import { ABILITY_KEY, PUBLIC_KEY, requirementMet, type AbilityRequirement } from '../auth/decorators';
import { ROLES, type Role } from './vocabulary';

// Metadata keys @nestjs/graphql puts on resolver methods.
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVE_PROPERTY = 'graphql:resolve_property';

export interface DeclaredOperation {
  /** `query models`, `mutation registerModel`, `field Model.owner` */
  operation: string;
  requirement?: AbilityRequirement;
  isPublic: boolean;
}

/** Every GraphQL query, mutation and field resolver of these classes, with the ability it declares. */
export function declaredOperations(resolverClasses: Type[]): DeclaredOperation[] {
  const operations: DeclaredOperation[] = [];
  for (const cls of resolverClasses) {
    const proto = cls.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const handler = proto[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      // The decorators record the key even when the name is left to default to the method's.
      if (!Reflect.hasOwnMetadata(RESOLVER_NAME, handler)) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      const kind = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      const operation = Reflect.getMetadata(RESOLVE_PROPERTY, handler)
        ? `field ${parentTypeName(cls)}.${name}`
        : `${String(kind).toLowerCase()} ${name}`;
      operations.push({
        operation,
        requirement: Reflect.getMetadata(ABILITY_KEY, handler) ?? Reflect.getMetadata(ABILITY_KEY, cls),
        isPublic: Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, cls)),
      });
    }
  }
  return operations.sort((a, b) => a.operation.localeCompare(b.operation));
}

/** Role × operation: may a principal holding only this role reach the operation at all? */
export function accessMatrix(policy: AccessPolicy, operations: DeclaredOperation[]): Record<string, Record<Role, boolean>> {
  const abilities = ROLES.map(
    (role) => [role, buildAbility(policy, { id: 'p', tenantId: 't', roles: [role], automationIds: [] })] as const,
  );
  return Object.fromEntries(
    operations.map((op) => [
      op.operation,
      Object.fromEntries(
        abilities.map(([role, ability]) => [role, op.isPublic || (!!op.requirement && requirementMet(ability, op.requirement))]),
      ) as Record<Role, boolean>,
    ]),
  );
}

/** The matrix as a Markdown table, for docs/security.md and pull-request review. */
export function renderAccessMatrix(policy: AccessPolicy, operations: DeclaredOperation[]): string {
  const matrix = accessMatrix(policy, operations);
  const header = `| operation | needs | ${ROLES.join(' | ')} |\n|---|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = operations.map((op) => {
    const needs = op.requirement || op.isPublic ? needsOf(op) : '**undeclared**';
    return `| ${op.operation} | ${needs} | ${ROLES.map((r) => (matrix[op.operation][r] ? 'yes' : '—')).join(' | ')} |`;
  });
  return [header, ...rows].join('\n');
}

/** What an operation needs, in words: "public", or "create or update Model"; "undeclared" when it declares nothing. */
export function needsOf(op: DeclaredOperation): string {
  if (op.isPublic) return 'public';
  return op.requirement ? `${op.requirement.actions.join(' or ')} ${op.requirement.subject}` : 'undeclared';
}

/** @Resolver(() => ModelModel) records the GraphQL type name (`Model`) on the class. */
function parentTypeName(cls: Type): string {
  return (Reflect.getMetadata(RESOLVER_NAME, cls) as string | undefined) ?? cls.name;
}

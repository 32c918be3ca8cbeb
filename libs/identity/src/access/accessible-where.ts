import { rulesToAST } from '@casl/ability/extra';
import { AttestError, ErrorCode } from '@attest/core';
import type { AppAbility } from './ability.factory';
import type { Action, SubjectType } from './vocabulary';

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The rows of `subjectType` this ability may `action`, as a SQL condition on `alias`, so that list
 * queries filter in the database rather than after loading. `columns` maps subject fields to
 * columns, or to an SQL expression built from the alias (a field held by a joined row); a
 * condition on any other field fails closed.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  alias: string,
  columns: Record<string, string | ((alias: string) => string)>,
): SqlCondition {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  const params: Record<string, unknown> = {};
  if (!ast) return { sql: 'FALSE', params };
  let counter = 0;
  const param = (value: unknown) => {
    const name = `acl_${subjectType}_${counter++}`;
    params[name] = value;
    return `:${name}`;
  };
  const render = (node: AstNode): string => {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const parts = (node.value as AstNode[]).map(render);
        if (parts.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
        return `(${parts.join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        return `NOT (${render(Array.isArray(node.value) ? (node.value[0] as AstNode) : (node.value as AstNode))})`;
      case 'eq':
        return node.value === null ? `${column(node)} IS NULL` : `${column(node)} = ${param(node.value)}`;
      case 'ne':
        return node.value === null ? `${column(node)} IS NOT NULL` : `${column(node)} IS DISTINCT FROM ${param(node.value)}`;
      case 'in':
        return (node.value as unknown[]).length === 0 ? 'FALSE' : `${column(node)} IN (:...${param(node.value).slice(1)})`;
      case 'nin':
        return (node.value as unknown[]).length === 0 ? 'TRUE' : `${column(node)} NOT IN (:...${param(node.value).slice(1)})`;
      default:
        throw new AttestError(ErrorCode.INTERNAL, `Unsupported access condition operator ${node.operator}`);
    }
  };
  const column = (node: AstNode): string => {
    const name = node.field ? columns[node.field] : undefined;
    if (!name) throw new AttestError(ErrorCode.INTERNAL, `Access condition on unmapped field ${String(node.field)}`);
    return typeof name === 'function' ? name(alias) : `${alias}.${name}`;
  };
  return { sql: render(ast), params };
}

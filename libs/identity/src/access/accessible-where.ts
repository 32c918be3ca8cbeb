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
 * A field held by a related row that the subject names by a key column (a decision's
 * `automationOwnerId` is the owner of the automation its `automation_id` names). A condition on
 * it becomes membership of the key in the related rows that meet it, `key IN (SELECT …)`, which
 * an index on the key serves; a scalar subquery per row (`(SELECT owner …) = $1`) would be run
 * for every row the planner walks, all of them when none matches.
 */
export interface KeyedField {
  key: string;
  /** The related rows' keys where `predicate` holds, given the field's column in them. */
  keysWhere: (predicate: (column: string) => string) => string;
}

export type FieldMapping = string | ((alias: string) => string) | KeyedField;

/**
 * The rows of `subjectType` this ability may `action`, as a SQL condition on `alias`, so that list
 * queries filter in the database rather than after loading. `columns` maps subject fields to
 * columns, to an SQL expression built from the alias, or to a KeyedField; a condition on any
 * other field fails closed.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  alias: string,
  columns: Record<string, FieldMapping>,
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
      case 'ne':
      case 'in':
      case 'nin':
        return comparison(node);
      default:
        throw new AttestError(ErrorCode.INTERNAL, `Unsupported access condition operator ${node.operator}`);
    }
  };
  const test = (node: AstNode, column: string): string => {
    switch (node.operator) {
      case 'eq':
        return node.value === null ? `${column} IS NULL` : `${column} = ${param(node.value)}`;
      case 'ne':
        return node.value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${param(node.value)}`;
      case 'in':
        return (node.value as unknown[]).length === 0 ? 'FALSE' : `${column} IN (:...${param(node.value).slice(1)})`;
      default:
        return (node.value as unknown[]).length === 0 ? 'TRUE' : `${column} NOT IN (:...${param(node.value).slice(1)})`;
    }
  };
  const comparison = (node: AstNode): string => {
    const mapping = node.field ? columns[node.field] : undefined;
    if (!mapping) throw new AttestError(ErrorCode.INTERNAL, `Access condition on unmapped field ${String(node.field)}`);
    if (typeof mapping === 'string') return test(node, `${alias}.${mapping}`);
    if (typeof mapping === 'function') return test(node, mapping(alias));
    return `${alias}.${mapping.key} IN (${mapping.keysWhere((column) => test(node, column))})`;
  };
  return { sql: render(ast), params };
}

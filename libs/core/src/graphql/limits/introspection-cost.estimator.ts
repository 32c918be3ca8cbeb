import { isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** What an unpaged introspection list weighs: a page of the default size (pageCost's 20). */
export const INTROSPECTION_LIST_WEIGHT = 20;

/**
 * Introspection lists (`__Schema.types`, `__Type.fields`, …) take no `first`, yet answer with the
 * whole schema: each weighs its children times a page, so that an introspection query costs what
 * it answers like any other query. Other fields are left to the next estimator.
 */
export const introspectionCostEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  if (!type.name.startsWith('__') || !returnsList(field.type)) return undefined;
  return INTROSPECTION_LIST_WEIGHT * Math.max(1, childComplexity);
};

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

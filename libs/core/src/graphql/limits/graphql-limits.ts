import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { AttestConfig } from '../../config/attest-config';
import { queryCostPlugin } from './query-cost.plugin';
import { queryShapeRules } from './query-shape.rules';

export { isQueryLimitRefusal, queryTooComplex } from './query-too-complex';
export { ONE_PER_OPERATION } from './one-per-operation.rule';
export type { QueryCostContext } from './query-cost.plugin';

/**
 * Every GraphQL limit, as Apollo options, cheapest first: the document's length and tokens while
 * graphql-js parses it, its aliases, directives and depth while it validates it, then its cost.
 * None needs credentials; authentication comes after them (an anonymous flood costs a parse).
 */
export function graphqlLimitOptions(graphql: AttestConfig['graphql']): {
  parseOptions: { maxSourceLength: number; maxTokens: number };
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  introspection: boolean;
  allowBatchedHttpRequests: false;
} {
  return {
    parseOptions: { maxSourceLength: graphql.maxDocumentChars, maxTokens: graphql.maxTokens },
    validationRules: queryShapeRules(graphql),
    plugins: [queryCostPlugin(graphql.maxComplexity)],
    introspection: graphql.introspection,
    // One operation per request, so that every limit holds per request (Apollo's default, made explicit).
    allowBatchedHttpRequests: false,
  };
}

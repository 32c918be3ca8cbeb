import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { getVariableValues, type OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { introspectionCostEstimator } from './introspection-cost.estimator';
import { queryTooComplex } from './query-too-complex';

/** Where the estimate is kept for the rate limits, which count it once the principal is known. */
export interface QueryCostContext {
  queryCost?: number;
}

export const COST_ESTIMATORS: ComplexityEstimator[] = [
  introspectionCostEstimator,
  fieldExtensionsEstimator(),
  simpleEstimator({ defaultComplexity: 1 }),
];

/**
 * Refuses an operation whose estimated cost (a page weighs `first` times its nodes) is over the
 * limit. Fails closed: an estimate that cannot be made is a refusal too.
 */
export function queryCostPlugin(maxComplexity: number, estimators: ComplexityEstimator[] = COST_ESTIMATORS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        // Not async on purpose: a refusal thrown here stops Apollo before it calls the hooks of the
        // plugins after this one, so authentication (a database round trip) never sees such a query.
        didResolveOperation(request) {
          refuseCostly(request, maxComplexity, estimators);
          return Promise.resolve();
        },
      };
    },
  };
}

function refuseCostly(
  { schema, document, operation, request, contextValue }: GraphQLRequestContextDidResolveOperation<QueryCostContext>,
  maxComplexity: number,
  estimators: ComplexityEstimator[],
): void {
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName: request.operationName ?? undefined,
      variables: request.variables,
      estimators,
    });
  } catch (error) {
    // The one pass: variables that do not fit their types. Execution refuses them (BAD_USER_INPUT)
    // before any resolver runs, which is the clearer error for the caller.
    if (variablesAreInvalid(schema, operation, request.variables)) return;
    throw queryTooComplex(`The query's cost could not be estimated (${(error as Error).message}), so it is refused`, { maxComplexity });
  }
  if (!(complexity <= maxComplexity)) {
    // written so that NaN is refused too
    throw queryTooComplex(`Query cost ${complexity} exceeds the limit of ${maxComplexity}`, { complexity, maxComplexity });
  }
  contextValue.queryCost = complexity;
}

function variablesAreInvalid(
  schema: GraphQLRequestContextDidResolveOperation<QueryCostContext>['schema'],
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): boolean {
  return Boolean(operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors);
}

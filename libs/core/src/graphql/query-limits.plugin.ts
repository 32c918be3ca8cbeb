import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/error-code';

/** Rejects abusive queries before they run: too deep, or too costly (lists weigh by page size). */
export function queryLimitsPlugin(limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const depth = queryDepth(document, request.operationName);
          if (depth > limits.maxDepth) {
            throw new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, depth, maxDepth: limits.maxDepth, http: { status: 400 } },
            });
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types: execution rejects them with BAD_USER_INPUT before
            // any resolver runs, which is the clearer error for the caller.
            return;
          }
          if (complexity > limits.maxComplexity) {
            throw new GraphQLError(`Query cost ${complexity} exceeds the limit of ${limits.maxComplexity}`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, complexity, maxComplexity: limits.maxComplexity, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** The deepest field nesting of the chosen operation, following fragments. */
export function queryDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;

  const depthOf = (set: SelectionSetNode, seen: Set<string>): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const below = selection.selectionSet ? depthOf(selection.selectionSet, seen) : 0;
        deepest = Math.max(deepest, 1 + below);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

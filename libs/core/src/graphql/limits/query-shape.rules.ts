import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { GraphQLLimits } from '../../config/attest-config';
import { onePerOperationRule } from './one-per-operation.rule';
import { queryTooComplex } from './query-too-complex';

/**
 * Validation rules that bound an operation's shape: aliases, directives and depth, fragments
 * followed. They need no credentials and no variables, so they run with graphql-js's own rules,
 * before authentication and before the cost estimate. Introspection counts like any other field.
 * A field marked ONE_PER_OPERATION (a long computation) is refused when named twice.
 */
export function queryShapeRules(limits: Pick<GraphQLLimits, 'maxAliases' | 'maxDirectives' | 'maxDepth'>): ValidationRule[] {
  return [
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...reportAs('maxAliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('maxDirectives', limits.maxDirectives) }),
    // flattenFragments: a fragment adds the depth of its fields, not a level of its own.
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, ...reportAs('maxDepth', limits.maxDepth) }),
    onePerOperationRule,
  ] as ValidationRule[];
}

/** Reports a refusal as a validation error with our code, instead of throwing out of graphql-js's validate. */
function reportAs(limit: string, value: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refusal = queryTooComplex(error.message.replace(/^Syntax Error: /, ''), { [limit]: value });
        if (!context) throw refusal; // never the case for validation rules; refuse all the same
        context.reportError(refusal);
      },
    ],
  };
}

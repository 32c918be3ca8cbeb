import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors/error-code';

/** A refusal by one of the GraphQL limits: `QUERY_TOO_COMPLEX`, HTTP 400, the limit that was hit. */
export function queryTooComplex(message: string, details: Record<string, number> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...details, http: { status: 400 } } });
}

/**
 * graphql-js aborts a parse over `maxSourceLength` or `maxTokens` with a syntax error; these are its
 * messages (graphql is pinned, and test/abuse fails if they change), so that they read as limits.
 */
const PARSER_LIMIT_MESSAGES = [
  /^Syntax Error: Document contains more that? \d+ tokens/,
  /^Syntax Error: Source contains more than \d+ UTF-16 code units/,
];

/**
 * Whether an error is a limit's refusal, as it reaches formatError: Apollo wraps validation and
 * parse errors in its own (code GRAPHQL_VALIDATION_FAILED / GRAPHQL_PARSE_FAILED), keeping ours as
 * the original.
 */
export function isQueryLimitRefusal(original: unknown): boolean {
  if (!(original instanceof GraphQLError)) return false;
  if (original.extensions.code === ErrorCode.QUERY_TOO_COMPLEX) return true;
  return PARSER_LIMIT_MESSAGES.some((pattern) => pattern.test(original.message));
}

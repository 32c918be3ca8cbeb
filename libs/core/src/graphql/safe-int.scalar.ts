import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * An integer up to 2^53 − 1, sent as a JSON number: for counts and positions that outgrow
 * GraphQL's 32-bit Int (a tenant's ledger passes 2^31 leaves in months at a sustained hundred
 * decisions a second). Every JSON parser reads these exactly; beyond them it refuses.
 */
function safeInteger(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError(`SafeInt must be an integer between -(2^53 - 1) and 2^53 - 1, got ${JSON.stringify(value)?.slice(0, 40)}`, {
      extensions: { code: 'VALIDATION_FAILED' },
    });
  }
  return value;
}

export const GraphQLSafeInt = new GraphQLScalarType({
  name: 'SafeInt',
  description: 'An integer between -(2^53 - 1) and 2^53 - 1, as a JSON number',
  serialize: (value) => safeInteger(typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value),
  parseValue: safeInteger,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('SafeInt must be an integer literal', { extensions: { code: 'VALIDATION_FAILED' } });
    return safeInteger(Number(ast.value));
  },
});

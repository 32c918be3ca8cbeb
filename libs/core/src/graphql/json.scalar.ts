import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/** Arbitrary JSON (objects, arrays, strings, numbers, booleans, null). */
export const GraphQLJSON = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => {
    if (ast.kind === Kind.VARIABLE) return variables?.[ast.name.value];
    return valueFromASTUntyped(ast, variables);
  },
});

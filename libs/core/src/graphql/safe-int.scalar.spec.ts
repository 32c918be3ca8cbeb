import { Kind } from 'graphql';
import { GraphQLSafeInt } from './safe-int.scalar';

describe('SafeInt', () => {
  it('carries integers beyond 32 bits exactly, as numbers', () => {
    expect(GraphQLSafeInt.parseValue(2 ** 40)).toBe(2 ** 40);
    expect(GraphQLSafeInt.serialize(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(GraphQLSafeInt.serialize('3000000000')).toBe(3_000_000_000); // a bigint column as pg returns it
    expect(GraphQLSafeInt.parseLiteral({ kind: Kind.INT, value: '4294967296' }, {})).toBe(4_294_967_296);
  });

  it('refuses fractions, unsafe integers, strings and other literals with VALIDATION_FAILED', () => {
    for (const bad of [1.5, 2 ** 53, '12', null, Number.NaN])
      expect(() => GraphQLSafeInt.parseValue(bad)).toThrow(/SafeInt must be an integer/);
    expect(() => GraphQLSafeInt.parseLiteral({ kind: Kind.STRING, value: '1' }, {})).toThrow(/integer literal/);
    expect(() => GraphQLSafeInt.parseLiteral({ kind: Kind.INT, value: '9007199254740993' }, {})).toThrow(/SafeInt/);
  });
});

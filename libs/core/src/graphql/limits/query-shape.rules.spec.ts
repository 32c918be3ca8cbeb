import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { ErrorCode } from '../../errors/error-code';
import { queryShapeRules } from './query-shape.rules';

const schema = buildSchema('type Node { id: ID! child: Node } type Query { node: Node verify(from: Int): Boolean }');
schema.getQueryType()!.getFields().verify.extensions = { onePerOperation: true };
const rules = [...specifiedRules, ...queryShapeRules({ maxAliases: 2, maxDirectives: 2, maxDepth: 3 })];
const codesOf = (query: string) => validate(schema, parse(query), rules).map((e) => e.extensions.code ?? e.message);

describe('queryShapeRules', () => {
  it('lets a query within every limit through', () => {
    expect(codesOf('{ a: node { id } b: node { child @include(if: true) { id } } }')).toEqual([]);
  });

  it('counts aliases across fragments, __typename included', () => {
    expect(codesOf('{ a: __typename b: __typename c: __typename }')).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
    expect(codesOf('{ a: node { ...F } } fragment F on Node { b: id c: id }')).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
  });

  it('counts directives', () => {
    expect(codesOf('{ node @skip(if: false) { id @include(if: true) child @include(if: true) { id } } }')).toEqual([
      ErrorCode.QUERY_TOO_COMPLEX,
    ]);
  });

  it('counts depth through fragments, introspection fields included', () => {
    expect(codesOf('{ node { ...F } } fragment F on Node { child { child { id } } }')).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
    expect(codesOf('{ __schema { types { fields { name } } } }')).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
    expect(codesOf('{ node { child { id } } }')).toEqual([]);
  });

  it('refuses a fragment cycle as graphql-js does, without looping', () => {
    const errors = validate(
      schema,
      parse('{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }'),
      rules,
    );
    expect(errors.map((e) => e.message)).toContain('Cannot spread fragment "A" within itself via "B".');
  });

  it('refuses a once-per-operation field named twice, by alias or through fragments', () => {
    expect(codesOf('{ verify(from: 1) }')).toEqual([]);
    expect(codesOf('{ a: verify(from: 1) b: verify(from: 2) }')).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
    expect(codesOf('{ verify ...F } fragment F on Query { v: verify(from: 2) }')).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
  });
});

import { parse } from 'graphql';
import { queryDepth } from './query-limits.plugin';

describe('queryDepth', () => {
  it('counts nested fields', () => {
    expect(queryDepth(parse('{ a { b { c } } d }'))).toBe(3);
  });

  it('follows fragments and inline fragments', () => {
    const doc = parse('query Q { a { ...F } } fragment F on A { b { ... on B { c { d } } } }');
    expect(queryDepth(doc, 'Q')).toBe(4);
  });

  it('ignores introspection fields', () => {
    expect(queryDepth(parse('{ __typename a }'))).toBe(1);
  });
});

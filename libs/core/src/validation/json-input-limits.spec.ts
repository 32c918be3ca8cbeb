import { freeFormJsonProblem, nulTextProblem, pathOf, reasonOf, segmentsOf } from './json-input-limits';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { d: value };
  return value;
};

describe('freeFormJsonProblem: what PostgreSQL or a recursive walk would fail on, refused with its path', () => {
  it("accepts nesting up to the limit and refuses one level more, at the value's path", () => {
    expect(freeFormJsonProblem(nested(64), ['input'], 64)).toBeUndefined();
    expect(freeFormJsonProblem(nested(65), ['input'], 64)).toEqual({
      path: 'input',
      message: 'input nests deeper than 64 levels of objects and arrays',
    });
  });

  it('measures any depth without growing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(freeFormJsonProblem(deep, ['output'], 64)?.message).toMatch(/deeper than 64/);
  });

  it('refuses a NUL character in a string or a key, naming where', () => {
    expect(freeFormJsonProblem({ a: [1, 'x\u0000'] }, ['input'], 64)?.path).toBe('input.a[1]');
    expect(freeFormJsonProblem(JSON.parse('{"a":{"b\\u0000":1}}'), ['context'], 64)).toEqual({
      path: 'context.a',
      message: 'context.a must not have a key with a NUL character (\\u0000)',
    });
    expect(freeFormJsonProblem('\u0000', ['output'], 64)?.path).toBe('output');
  });

  it('refuses a __proto__ key at any depth, and accepts the other Object.prototype names', () => {
    expect(freeFormJsonProblem(JSON.parse('{"__proto__":1}'), ['input'], 64)?.path).toBe('input.__proto__');
    expect(freeFormJsonProblem(JSON.parse('{"a":[{"__proto__":{}}]}'), ['input'], 64)?.path).toBe('input.a[0].__proto__');
    expect(
      freeFormJsonProblem({ constructor: 1, prototype: 2, toString: 3, valueOf: { hasOwnProperty: 4 } }, ['input'], 64),
    ).toBeUndefined();
  });

  it('accepts scalars, null and empty containers', () => {
    for (const value of [null, 0, true, 'text', [], {}]) expect(freeFormJsonProblem(value, ['input'], 64)).toBeUndefined();
  });
});

describe('nulTextProblem', () => {
  it('finds a NUL in any string of a typed input, however deep', () => {
    expect(nulTextProblem({ explanation: [{ note: { text: 'a\u0000' } }] }, [])?.path).toBe('explanation[0].note.text');
    expect(nulTextProblem(nested(200, 'ok'), [])).toBeUndefined();
  });
});

describe('pathOf', () => {
  it('writes names with dots, indexes in brackets, and other keys quoted', () => {
    expect(pathOf(['input', 'a', 0, 'b c', 'd'])).toBe('input.a[0]["b c"].d');
  });
});

describe('segmentsOf', () => {
  it('reads back the segments pathOf wrote, a key that looks like an index included', () => {
    for (const segments of [[], ['input'], ['input', 'a', 0, 'b c', 'd'], [0, '0', 'x"]y', 'a.b', '\u0000', '__proto__', 12]]) {
      expect(segmentsOf(pathOf(segments))).toEqual(segments);
    }
  });

  it('refuses text pathOf never writes', () => {
    expect(() => segmentsOf('a..b')).toThrow(/Not a path/);
  });
});

describe('reasonOf', () => {
  it('says what is wrong without the path', () => {
    expect(reasonOf(freeFormJsonProblem({ a: ['x\u0000'] }, ['input'], 64)!)).toBe('must not contain a NUL character (\\u0000)');
    expect(reasonOf(freeFormJsonProblem(JSON.parse('{"__proto__":1}'), [], 64)!)).toBe('a key named __proto__ is not accepted');
    expect(reasonOf(freeFormJsonProblem(nested(3), [], 2)!)).toBe('nests deeper than 2 levels of objects and arrays');
  });
});

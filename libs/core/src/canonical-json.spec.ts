import { canonicalJson } from './canonical-json';

/** The definition, written the slow way: sort a copy, then JSON.stringify it with an ordered replacer-free walk. */
function reference(value: unknown): string {
  const json = typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (Array.isArray(json))
    return `[${json.map((v) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : reference(v))).join(',')}]`;
  if (typeof json !== 'object' || json === null) return JSON.stringify(json) ?? 'null';
  const entries = Object.entries(json as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

/** A small deterministic generator of JSON-ish values (no dependency on a property-testing library). */
function randomValue(seed: { n: number }, depth = 0): unknown {
  const next = () => (seed.n = (seed.n * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = Math.floor(next() * (depth > 3 ? 5 : 8));
  const text = () => ['a', 'b', 'Z', '10', '9', 'é', '😀', '', 'k"q', '\\n', 'aa', 'A'][Math.floor(next() * 12)];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() > 0.5;
    case 2:
      return Math.round((next() - 0.5) * 1e6) / 100;
    case 3:
      return text();
    case 4:
      return undefined;
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(seed, depth + 1));
    case 6:
      return new Date(Math.floor(next() * 2e12));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [text(), randomValue(seed, depth + 1)]));
  }
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined, keeps arrays in order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x', u: undefined })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
  });

  it('orders integer-like keys as strings, not as a plain object would', () => {
    expect(canonicalJson({ b: 1, 10: 2, 9: 3 })).toBe('{"10":2,"9":3,"b":1}');
    expect(JSON.stringify({ b: 1, 10: 2, 9: 3 })).toBe('{"9":3,"10":2,"b":1}');
  });

  it('treats dates, undefined, functions and non-finite numbers as JSON does', () => {
    const at = new Date('2026-12-01T08:00:00.000Z');
    expect(canonicalJson({ at, f: () => 1, list: [undefined, () => 1, NaN] })).toBe(
      '{"at":"2026-12-01T08:00:00.000Z","list":[null,null,null]}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ n: BigInt(1) })).toThrow(TypeError);
  });

  it('equals the slow definition on 2,000 random values, and does not depend on key order', () => {
    const seed = { n: 42 };
    for (let i = 0; i < 2_000; i++) {
      const value = randomValue(seed);
      expect(canonicalJson(value)).toBe(reference(value));
      if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }
    }
  });
});

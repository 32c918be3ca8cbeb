import { canonicalJson } from '@attest/core';
import { keyedHash } from './keyed-hash';

describe('keyedHash', () => {
  const secret = 'test-secret-0123456789';

  it('is the HMAC-SHA256 hex of the canonical JSON', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x', u: undefined })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    expect(keyedHash(secret, { a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the key order, at every depth', () => {
    const a = { applicant: { name: 'Jane', email: 'jane@example.com' }, amount: 10, tags: ['x', 'y'] };
    const b = { tags: ['x', 'y'], amount: 10, applicant: { email: 'jane@example.com', name: 'Jane' } };
    expect(keyedHash(secret, a)).toBe(keyedHash(secret, b));
  });

  it('changes with any value, with array order and with the secret', () => {
    const value = { a: 1, list: [1, 2] };
    const hash = keyedHash(secret, value);
    expect(keyedHash(secret, { a: 2, list: [1, 2] })).not.toBe(hash);
    expect(keyedHash(secret, { a: 1, list: [2, 1] })).not.toBe(hash);
    expect(keyedHash('another-secret', value)).not.toBe(hash);
    expect(keyedHash(Buffer.from(secret), value)).toBe(hash);
  });

  it('hashes a Date as its ISO string', () => {
    const at = new Date('2024-01-31T00:00:00Z');
    expect(keyedHash(secret, { at })).toBe(keyedHash(secret, { at: '2024-01-31T00:00:00.000Z' }));
  });

  it('refuses an empty secret', () => {
    expect(() => keyedHash('', 'x')).toThrow(/secret must not be empty/);
    expect(() => keyedHash(Buffer.alloc(0), 'x')).toThrow(/secret must not be empty/);
  });
});

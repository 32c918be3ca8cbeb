import { apiKeyFromOperator, generateApiKey, lookupOf, parseApiKey, secretMatches } from './api-key.codec';

describe('API key codec', () => {
  it('generates keys with a 256-bit secret that parse back and match their hash', () => {
    const { key, prefix, secretHash } = generateApiKey();
    const parsed = parseApiKey(key);
    expect(parsed?.prefix).toBe(prefix);
    expect(Buffer.from(parsed!.secret, 'base64url')).toHaveLength(32);
    expect(secretMatches(parsed!.secret, secretHash)).toBe(true);
    expect(secretMatches(`${parsed!.secret}x`, secretHash)).toBe(false);
  });

  it('never repeats a prefix or secret', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('stores a free-form operator key under a derived prefix that lookups find again', () => {
    const operatorKey = 'ci-bootstrap-key-0123456789abcdef0123456789';
    const stored = apiKeyFromOperator(operatorKey);
    const lookup = lookupOf(operatorKey);
    expect(lookup.prefix).toBe(stored.prefix);
    expect(secretMatches(lookup.secret, stored.secretHash)).toBe(true);
  });
});

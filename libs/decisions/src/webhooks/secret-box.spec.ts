import { randomBytes } from 'node:crypto';
import { open, seal } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and seals the same secret differently each time', () => {
    const a = seal(key, 'whsec_abc');
    expect(open(key, a)).toBe('whsec_abc');
    expect(seal(key, 'whsec_abc')).not.toBe(a);
    expect(a).not.toContain('whsec_abc');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = seal(key, 'whsec_abc');
    const [v, iv, tag, ct] = sealed.split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() => open(key, [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => open(randomBytes(32), sealed)).toThrow();
    expect(() => open(key, 'garbage')).toThrow(/not a sealed/);
  });
});

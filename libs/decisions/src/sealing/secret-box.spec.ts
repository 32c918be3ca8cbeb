import { randomBytes } from 'node:crypto';
import { open, openBytes, seal, sealBytes } from './secret-box';

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

describe('sealed bytes', () => {
  const key = randomBytes(32);
  const data = Buffer.from(JSON.stringify([{ input: { email: 'jane@example.com' } }]));

  it('opens what it sealed, for the same context only', () => {
    const sealed = sealBytes(key, data, 'job-1.0');
    expect(openBytes(key, sealed, 'job-1.0').equals(data)).toBe(true);
    expect(sealed.includes(Buffer.from('jane@example.com'))).toBe(false);
    expect(() => openBytes(key, sealed, 'job-2.0')).toThrow();
  });

  it('refuses a flipped bit anywhere, another key, or a blob too short', () => {
    const sealed = sealBytes(key, data, 'c');
    for (const at of [0, 5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] ^= 1;
      expect(() => openBytes(key, tampered, 'c')).toThrow();
    }
    expect(() => openBytes(randomBytes(32), sealed, 'c')).toThrow();
    expect(() => openBytes(key, Buffer.alloc(10), 'c')).toThrow(/not a sealed/);
  });
});

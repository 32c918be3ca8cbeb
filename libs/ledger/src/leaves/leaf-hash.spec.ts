import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { leafHash } from '../merkle/rfc6962';
import { leafBytes, leafHashOf } from './leaf-format';

const reference = (bytes: Buffer) => createHash('sha256').update(Buffer.of(0x00)).update(bytes).digest();

describe('leaf hashes out of the scratch buffer', () => {
  it('equal SHA-256(0x00 ‖ leaf) for any fact text, non-ASCII and leaves larger than the scratch buffer included', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 40 }),
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ minLength: 5000, maxLength: 20000 })),
        (index, text) => {
          const fact = JSON.stringify({ text });
          const bytes = leafBytes(index, fact);
          expect(leafHash(bytes).equals(reference(bytes))).toBe(true);
          expect(leafHashOf(index, fact).equals(reference(bytes))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns a hash of its own, not a view of the scratch buffer', () => {
    const first = leafHashOf(1, '{"a": 1}');
    const copy = Buffer.from(first);
    leafHashOf(2, '{"b": 2}');
    expect(first.equals(copy)).toBe(true);
  });
});

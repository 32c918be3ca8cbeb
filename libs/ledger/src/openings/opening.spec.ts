import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { isOpenable, openingValue, unopenedFields, verifyOpening, type Opening } from './opening';

/** A commitment as PostgreSQL's attest_ledger_salted_digest writes it, computed independently. */
const commitmentTo = (salt: Buffer, text: string) =>
  `sha256-salted:${createHash('sha256')
    .update(Buffer.concat([salt, Buffer.from(text, 'utf8')]))
    .digest('hex')}`;

const flipByte = (hex: string, at: number) => {
  const bytes = Buffer.from(hex, 'hex');
  bytes[at % bytes.length] ^= 0x01;
  return bytes.toString('hex');
};

describe('openings of salted ledger commitments', () => {
  it('open their commitment, for any jsonb text, multi-byte UTF-8 included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string({ unit: 'grapheme' }).map((s) => JSON.stringify(s)),
        ),
        (text) => {
          const salt = randomBytes(32);
          expect(verifyOpening(commitmentTo(salt, text), { salt: salt.toString('hex'), text })).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fail on any flipped byte of the salt or the text', () => {
    const salt = randomBytes(32);
    const text = '{"claim": {"amount": 4711, "holder": "Zoë Ångström"}}';
    const commitment = commitmentTo(salt, text);
    for (let at = 0; at < 32; at++) expect(verifyOpening(commitment, { salt: flipByte(salt.toString('hex'), at), text })).toBe(false);
    const textBytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < textBytes.length; at++) {
      const flipped = Buffer.from(textBytes);
      flipped[at] ^= 0x01;
      expect(verifyOpening(commitment, { salt: salt.toString('hex'), text: flipped.toString('utf8') })).toBe(false);
    }
    // Another text that means the same JSON is another commitment: the text is what was hashed.
    expect(verifyOpening(commitment, { salt: salt.toString('hex'), text: JSON.stringify(JSON.parse(text)) })).toBe(false);
  });

  it('report keyed (format 2) and plain (format 1) digests as not openable, whatever the opening', () => {
    const salt = randomBytes(32);
    const text = '"claim-42"';
    const keyed = `hmac-sha256:${createHmac('sha256', salt).update(text).digest('hex')}`;
    const plain = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    for (const commitment of [keyed, plain, null, undefined, 42, commitmentTo(salt, text).toUpperCase()]) {
      expect(isOpenable(commitment)).toBe(false);
      expect(verifyOpening(commitment as string, { salt: salt.toString('hex'), text })).toBe(false);
    }
    expect(isOpenable(commitmentTo(salt, text))).toBe(true);
  });

  it('refuse a malformed opening rather than hash it', () => {
    const salt = randomBytes(32);
    const commitment = commitmentTo(salt, '1');
    const malformed: unknown[] = [
      null,
      {},
      { salt: salt.toString('hex') },
      { salt: salt.toString('hex').slice(2), text: '1' },
      { salt: salt.toString('hex').toUpperCase(), text: '1' },
      { salt: salt.toString('hex'), text: 1 },
    ];
    for (const opening of malformed) expect(verifyOpening(commitment, opening as Opening)).toBe(false);
  });

  it('give the value an opening discloses', () => {
    expect(openingValue({ salt: '00'.repeat(32), text: '{"a": [1, 2.5, null], "b": "Grüße"}' })).toEqual({ a: [1, 2.5, null], b: 'Grüße' });
    expect(openingValue({ salt: '00'.repeat(32), text: '"claim-42"' })).toBe('claim-42');
  });

  it('name the fields of a fact its openings do not open, and only those given', () => {
    const salts = [randomBytes(32), randomBytes(32)];
    const fact = {
      kind: 'decision',
      input: commitmentTo(salts[0], '{"x": 1}'),
      output: commitmentTo(salts[1], '{"y": 2}'),
      context: null,
      idempotencyKey: 'hmac-sha256:' + '0'.repeat(64),
    };
    const input = { salt: salts[0].toString('hex'), text: '{"x": 1}' };
    expect(unopenedFields(fact, { input, context: null })).toEqual([]);
    expect(unopenedFields(fact, { input, output: { salt: salts[1].toString('hex'), text: '{"y": 3}' } })).toEqual(['output']);
    expect(unopenedFields(fact, { output: null, context: input, idempotencyKey: input, kind: input })).toEqual([
      'output',
      'context',
      'idempotencyKey',
      'kind',
    ]);
  });
});

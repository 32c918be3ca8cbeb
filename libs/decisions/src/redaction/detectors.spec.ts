import { DETECTOR_NAMES, findPii, ibanValid, isCardNumber, luhnValid, type DetectorName } from './detectors';

/** The texts one detector finds in `text`, after overlaps are merged. */
function found(text: string, detector: DetectorName): string[] {
  return findPii(text)
    .filter((span) => span.detector === detector)
    .map((span) => text.slice(span.start, span.end));
}

describe('PII detectors', () => {
  it('lists the built-in detector names', () => {
    expect(DETECTOR_NAMES).toEqual(['email', 'phone', 'payment_card', 'iban']);
  });

  describe('email', () => {
    it.each(['jane.doe@example.com', 'j.o_e+tag@mail.example.co.uk', 'X-Y%z@sub-domain.example.io'])('finds %s', (email) => {
      expect(found(`contact: ${email}, please`, 'email')).toEqual([email]);
    });

    it.each(['foo@bar', '@handle', 'user@', 'a@b.c', 'name at example.com'])('ignores %s', (text) => {
      expect(findPii(text)).toEqual([]);
    });

    it.each(['jane.doe＠example.com', 'jane.doe﹫example.com', 'j+tag＠mail.example.co.uk'])(
      'finds %s, its at sign full-width or small',
      (email) => {
        expect(found(`write to ${email}.`, 'email')).toEqual([email]);
      },
    );

    it.each(['＠handle', 'user＠', 'foo﹫bar', 'price ＠ 5 EUR', '＠example.com'])('ignores %s', (text) => {
      expect(findPii(text)).toEqual([]);
    });
  });

  describe('payment_card', () => {
    it.each([
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '4111111111111111',
      '5500 0000 0000 0004',
      '378282246310005',
      '6011111111111117',
    ])('finds the Luhn-valid %s', (card) => {
      expect(found(`card ${card} exp 12/30`, 'payment_card')).toEqual([card]);
    });

    it('ignores the same numbers one digit off', () => {
      expect(findPii('4111 1111 1111 1112, 5500000000000005, 378282246310006')).toEqual([]);
    });

    it('finds the card inside a longer run of digit groups', () => {
      expect(found('order 12 4111 1111 1111 1111', 'payment_card')).toEqual(['4111 1111 1111 1111']);
    });

    it('ignores digit runs too short, too long or glued to letters', () => {
      expect(found('411111111111', 'payment_card')).toEqual([]); // 12 digits
      expect(found('41111111111111111111111', 'payment_card')).toEqual([]); // 23-digit id
      expect(found('tx4111111111111111', 'payment_card')).toEqual([]);
    });

    it('checks Luhn', () => {
      expect(luhnValid('79927398713')).toBe(true);
      expect(luhnValid('79927398710')).toBe(false);
      expect(luhnValid('')).toBe(false);
    });

    it('takes integers as card numbers only when Luhn-valid with a card network leading digit', () => {
      expect(isCardNumber(4111111111111111)).toBe(true);
      expect(isCardNumber(4111111111111112)).toBe(false);
      expect(isCardNumber(4111111111111111n)).toBe(true);
      expect(isCardNumber(1706659200000)).toBe(false); // epoch milliseconds
      expect(isCardNumber(1234.56)).toBe(false);
    });
  });

  describe('iban', () => {
    it.each([
      'DE89 3704 0044 0532 0130 00',
      'GB82 WEST 1234 5698 7654 32',
      'FR14 2004 1010 0505 0001 3M02 606',
      'NL91ABNA0417164300',
      'CH93 0076 2011 6238 5295 7',
      'be68 5390 0754 7034',
    ])('finds the mod-97-valid %s', (iban) => {
      expect(found(`pay to ${iban} TODAY`, 'iban')).toEqual([iban]);
    });

    it('ignores an IBAN with a broken checksum', () => {
      expect(found('DE89 3704 0044 0532 0130 01', 'iban')).toEqual([]);
      expect(found('GB83 WEST 1234 5698 7654 32', 'iban')).toEqual([]);
      expect(ibanValid('DE00370400440532013000')).toBe(false);
    });

    it('reports an IBAN, not a card or phone, for its digits', () => {
      expect(findPii('DE89370400440532013000').map((s) => s.detector)).toEqual(['iban']);
    });
  });

  describe('phone', () => {
    it.each([
      '+49 151 12345678',
      '+1 (555) 123-4567',
      '+4915112345678',
      '030 1234567',
      '0151-12345678',
      '(030) 12345678',
      '015112345678',
      '+33 6 12 34 56 78',
    ])('finds %s', (phone) => {
      expect(found(`call ${phone} now`, 'phone')).toEqual([phone]);
    });

    it.each([
      ['an ISO date', '2024-01-31'],
      ['a European date', '31-01-2024'],
      ['a timestamp', '2024-01-31T10:00:00Z'],
      ['an amount', '1234.56'],
      ['a large amount', '12345678.90'],
      ['an epoch second', '1706659200'],
      ['a compact date', '20240131'],
      ['a zero-padded id', '00012345678'],
      ['a long id', '+1234567890123456789'],
      ['a version', '10.20.30.40'],
      ['a short number', '555-1234'],
      // Dot-separated numbers that are not phones.
      ['an IPv4 address', '192.168.100.200'],
      ['another IPv4 address', '10.123.234.101'],
      ['a version', '10.0.19041.1234'],
      ['a four-part version', '2.14.1005.12345'],
      ['a decimal', '12345678.901'],
      ['a signed decimal', '+0.123456789'],
      ['a decimal with a leading zero', '0.12345678'],
      ['a dotted date', '31.01.2024'],
      ['a dotted ISO date', '2024.01.31'],
      ['a dotted date with a trunk-like day', '01.02.2024'],
      ['a phone glued to more digits', '555.123.45678'],
      ['a dotted number inside an IP-like run', '1.555.123.4567.8'],
    ])('ignores %s (%s)', (_, text) => {
      expect(found(`value ${text} end`, 'phone')).toEqual([]);
    });

    it.each(['555.123.4567', '+49.151.12345678', '+1.555.123.4567', '+33.6.12.34.56.78', '0151.12345678', '030.123.4567'])(
      'finds the dotted %s',
      (phone) => {
        expect(found(`call ${phone}, or write`, 'phone')).toEqual([phone]);
      },
    );
  });

  it('merges overlapping findings: the earliest and longest wins', () => {
    const text = '+4915112345678@example.com';
    expect(findPii(text)).toEqual([{ start: 0, end: text.length, detector: 'email' }]);
  });

  it('runs only the detectors asked for', () => {
    expect(findPii('jane@example.com +49 151 12345678', ['phone']).map((s) => s.detector)).toEqual(['phone']);
  });
});

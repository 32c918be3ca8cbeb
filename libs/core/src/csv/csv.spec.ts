import { csvField, csvRecord, csvText, parseCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it('writes plain fields as they are and ends a record with CRLF', () => {
    expect(csvRecord(['a', 'b c', 3, true, null, undefined])).toBe('a,b c,3,true,,\r\n');
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling the quotes inside', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
  });

  it('writes dates as ISO 8601 UTC and numbers with their sign', () => {
    expect(csvField(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
  ])('neutralises a formula in text %j', (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });

  it('neutralises and quotes together: the apostrophe goes inside the quotes', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('\rz')).toBe(`"'\rz"`);
  });

  it('leaves text that only contains a formula character later alone', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('')).toBe('');
  });

  it('reads back what it writes: quotes, CRLF inside a field, and a neutralised formula', () => {
    const values = ['a,b', 'say "hi"', 'x\r\ny', '=1+1', '-1', '{"a":[1,2]}', ''];
    const rows = parseCsv(csvRecord(['h1', 'h2']) + csvRecord(values));
    expect(rows).toEqual([
      ['h1', 'h2'],
      ['a,b', 'say "hi"', 'x\r\ny', "'=1+1", "'-1", '{"a":[1,2]}', ''],
    ]);
    expect(rows[1].map(csvText)).toEqual(values);
  });

  it('refuses text that does not end its last record with CRLF', () => {
    expect(() => parseCsv('a,b\r\nc')).toThrow('CSV does not end with CRLF');
  });
});

import { compileRedactionRules, redact } from './redact';
import { RedactionRulesError } from './redaction.errors';

const decisionInput = () => ({
  applicant: {
    name: 'Jane Doe',
    contact: { emails: ['jane@example.com', 'none'], phone: 'mobile +49 151 12345678' },
    notes: 'IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, mail jane@example.com or j.d@example.org',
  },
  amount: 1234.56,
  submittedOn: '2024-01-31',
  cardOnFile: 4111111111111111,
  flags: [true, null],
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof RedactionRulesError) return error.problems;
    throw error;
  }
  throw new Error('expected a RedactionRulesError');
}

describe('redact', () => {
  it('replaces every finding in nested strings and reports paths and counts, not values', () => {
    const { value, findings } = redact(decisionInput());
    expect(value).toEqual({
      applicant: {
        name: 'Jane Doe',
        contact: { emails: ['[REDACTED:email]', 'none'], phone: 'mobile [REDACTED:phone]' },
        notes: 'IBAN [REDACTED:iban], card [REDACTED:payment_card], mail [REDACTED:email] or [REDACTED:email]',
      },
      amount: 1234.56,
      submittedOn: '2024-01-31',
      cardOnFile: '[REDACTED:payment_card]',
      flags: [true, null],
    });
    expect(findings).toEqual([
      { path: '$.applicant.contact.emails[0]', detector: 'email', count: 1 },
      { path: '$.applicant.contact.phone', detector: 'phone', count: 1 },
      { path: '$.applicant.notes', detector: 'email', count: 2 },
      { path: '$.applicant.notes', detector: 'payment_card', count: 1 },
      { path: '$.applicant.notes', detector: 'iban', count: 1 },
      { path: '$.cardOnFile', detector: 'payment_card', count: 1 },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/jane|4111|DE89/);
  });

  it('does not mutate its input', () => {
    const input = decisionInput();
    const before = structuredClone(input);
    redact(input, { paths: [{ path: '$.applicant.name', action: 'redact' }], patterns: [{ name: 'word', pattern: 'none' }] });
    expect(input).toEqual(before);
  });

  it('orders findings the same whatever the key order, and keeps the key order of the input', () => {
    const a = redact({ b: 'x@example.com', a: { d: 'y@example.com', c: '+44 20 7946 0958' } });
    const b = redact({ a: { c: '+44 20 7946 0958', d: 'y@example.com' }, b: 'x@example.com' });
    expect(a.findings).toEqual(b.findings);
    expect(a.findings.map((f) => f.path)).toEqual(['$.a.c', '$.a.d', '$.b']);
    expect(Object.keys(a.value as object)).toEqual(['b', 'a']);
  });

  it('redacts a top-level string and leaves clean values as they are', () => {
    expect(redact('write to a@example.com')).toEqual({
      value: 'write to [REDACTED:email]',
      findings: [{ path: '$', detector: 'email', count: 1 }],
    });
    expect(redact({ n: 42, s: 'hello', t: 1706659200000 })).toEqual({ value: { n: 42, s: 'hello', t: 1706659200000 }, findings: [] });
  });

  it('quotes keys that are not identifiers in finding paths', () => {
    const { findings } = redact({ 'first name': { "it's": 'a@example.com' } });
    expect(findings).toEqual([{ path: "$['first name']['it\\'s']", detector: 'email', count: 1 }]);
  });

  it('keeps a __proto__ key from parsed JSON as a plain key', () => {
    const { value } = redact(JSON.parse('{"__proto__": {"polluted": "a@example.com"}}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('object keys', () => {
    it('renames a key holding personal data to its redacted text, and names the new key in every finding below it', () => {
      const { value, findings } = redact({ contacts: { 'jane@example.com': { phone: '555.123.4567' }, 'call +49 151 12345678': 'ok' } });
      expect(value).toEqual({ contacts: { '[REDACTED:email]': { phone: '[REDACTED:phone]' }, 'call [REDACTED:phone]': 'ok' } });
      // In the order of the original keys, sorted: `call …` before `jane…`.
      expect(findings).toEqual([
        { path: "$.contacts['call [REDACTED:phone]']", detector: 'phone', count: 1 },
        { path: "$.contacts['[REDACTED:email]']", detector: 'email', count: 1 },
        { path: "$.contacts['[REDACTED:email]'].phone", detector: 'phone', count: 1 },
      ]);
      expect(JSON.stringify({ value, findings })).not.toMatch(/jane|151|555/);
    });

    it('keeps keys unique and names them the same whatever the key order', () => {
      const a = redact({ 'b@example.com': 2, '[REDACTED:email]': 0, 'a@example.com': 1, plain: 'a＠example.com' });
      const b = redact({ plain: 'a＠example.com', 'a@example.com': 1, '[REDACTED:email]': 0, 'b@example.com': 2 });
      expect(a.value).toEqual({ '[REDACTED:email]': 0, '[REDACTED:email]#2': 1, '[REDACTED:email]#3': 2, plain: '[REDACTED:email]' });
      expect(b.value).toEqual(a.value);
      expect(b.findings).toEqual(a.findings);
      expect(Object.keys(a.value as object)).toEqual(['[REDACTED:email]#3', '[REDACTED:email]', '[REDACTED:email]#2', 'plain']);
    });

    it('leaves identifier-like keys, and the keys under a keep path, as they are', () => {
      const input = { email: 'x', phoneNumber: 'y', 'v1.2.3': 'z', refs: { '2025-118734': 'claim' } };
      expect(redact(input, { paths: [{ path: '$.refs', action: 'keep' }] })).toEqual({ value: input, findings: [] });
    });

    it('applies custom patterns to keys, and a path rule to the renamed key', () => {
      const { value } = redact(
        { 'EMP-123456': { 'x@example.com': 'secret' } },
        {
          patterns: [{ name: 'employee_id', pattern: 'EMP-\\d{6}' }],
          paths: [{ path: "$['[REDACTED:employee_id]'][*]", action: 'redact' }],
        },
      );
      expect(value).toEqual({ '[REDACTED:employee_id]': { '[REDACTED:email]': '[REDACTED:path]' } });
    });
  });

  it('runs only the chosen detectors', () => {
    const { value } = redact({ e: 'a@example.com', p: '+44 20 7946 0958' }, { detectors: ['phone'] });
    expect(value).toEqual({ e: 'a@example.com', p: '[REDACTED:phone]' });
  });

  describe('path rules', () => {
    const redactPaths = (value: unknown, ...paths: string[]) =>
      redact(value, { paths: paths.map((path) => ({ path, action: 'redact' as const })) });

    it('replaces a matched value whole, objects included, without looking inside', () => {
      const { value, findings } = redactPaths(decisionInput(), '$.applicant.name', "$['applicant']['contact']");
      expect(value).toMatchObject({ applicant: { name: '[REDACTED:path]', contact: '[REDACTED:path]' } });
      expect(findings.filter((f) => f.detector === 'path')).toEqual([
        { path: '$.applicant.contact', detector: 'path', count: 1 },
        { path: '$.applicant.name', detector: 'path', count: 1 },
      ]);
      expect(findings.some((f) => f.path.startsWith('$.applicant.contact.'))).toBe(false);
    });

    it('matches array indices and wildcards over arrays and objects', () => {
      const input = {
        people: [
          { name: 'A', ssn: '1' },
          { name: 'B', ssn: '2' },
        ],
        tags: ['x', 'y', 'z'],
        meta: { k1: 'v', k2: 'w' },
      };
      const { value } = redactPaths(input, '$.people[*].ssn', '$.tags[1]', '$.meta[*]');
      expect(value).toEqual({
        people: [
          { name: 'A', ssn: '[REDACTED:path]' },
          { name: 'B', ssn: '[REDACTED:path]' },
        ],
        tags: ['x', '[REDACTED:path]', 'z'],
        meta: { k1: '[REDACTED:path]', k2: '[REDACTED:path]' },
      });
    });

    it('matches keys only on objects and indices only on arrays, and ignores missing places', () => {
      const input = { list: ['a', 'b'], map: { '0': 'c' } };
      expect(redactPaths(input, "$.list['0']", '$.map[0]', '$.nothing.here', '$.list[5]').value).toEqual(input);
    });

    it('redacts the whole document with $', () => {
      expect(redactPaths({ a: 1 }, '$')).toEqual({ value: '[REDACTED:path]', findings: [{ path: '$', detector: 'path', count: 1 }] });
    });

    it('reads quoted keys with dots, brackets and escapes', () => {
      const { value } = redactPaths({ 'a.b': { '[x]': 1, 'q"t': 2 } }, "$['a.b']['[x]']", '$["a.b"]["q\\"t"]');
      expect(value).toEqual({ 'a.b': { '[x]': '[REDACTED:path]', 'q"t': '[REDACTED:path]' } });
    });

    it('leaves a keep path unscanned, under it too, while redact paths still win', () => {
      const input = { claimId: '2025-118734', contact: { phone: '+31 6 1234 5678', ref: '2025-118735' }, note: 'call 2025-118736' };
      const rules = {
        paths: [
          { path: '$.claimId', action: 'keep' as const },
          { path: '$.contact', action: 'keep' as const },
          { path: '$.contact.phone', action: 'redact' as const },
        ],
      };
      const { value, findings } = redact(input, rules);
      expect(value).toEqual({
        claimId: '2025-118734',
        contact: { phone: '[REDACTED:path]', ref: '2025-118735' },
        note: 'call [REDACTED:phone]',
      });
      expect(findings.map((f) => f.path)).toEqual(['$.contact.phone', '$.note']);
    });

    it('rejects paths that do not parse, reporting each', () => {
      const problems = problemsOf(() => redactPaths({}, 'applicant.name', '$.a[', '$.a[-1]', '$..a', '$.a[*'));
      expect(problems).toHaveLength(5);
      expect(problems[0]).toMatch(/paths\[0\].*must start with \$/);
      expect(problems[1]).toMatch(/paths\[1\].*offset 3/);
    });
  });

  describe('custom patterns', () => {
    it('replaces matches with the pattern name and counts them', () => {
      const { value, findings } = redact(
        { ref: 'EMP-123456 and emp-654321', other: 'EMP-1' },
        { patterns: [{ name: 'employee_id', pattern: 'EMP-\\d{6}', flags: 'i' }] },
      );
      expect(value).toEqual({ ref: '[REDACTED:employee_id] and [REDACTED:employee_id]', other: 'EMP-1' });
      expect(findings).toEqual([{ path: '$.ref', detector: 'employee_id', count: 2 }]);
    });

    it('reports built-in detectors before custom patterns at the same path', () => {
      const { findings } = redact({ s: 'x@example.com CASE-42' }, { patterns: [{ name: 'case_ref', pattern: 'CASE-\\d+' }] });
      expect(findings.map((f) => f.detector)).toEqual(['email', 'case_ref']);
    });

    it('skips zero-width matches that pass validation', () => {
      expect(redact({ s: 'abc' }, { patterns: [{ name: 'ahead', pattern: '(?=b)' }] }).value).toEqual({ s: 'abc' });
    });

    it('rejects invalid regexes, empty matches, bad names and flags, reporting each', () => {
      const problems = problemsOf(() =>
        compileRedactionRules({
          patterns: [
            { name: 'broken', pattern: '(unclosed' },
            { name: 'empty', pattern: 'a*' },
            { name: 'optional', pattern: 'x|' },
            { name: 'Bad Name', pattern: 'x' },
            { name: 'email', pattern: 'x' },
            { name: 'twice', pattern: 'x' },
            { name: 'twice', pattern: 'y' },
            { name: 'sticky', pattern: 'x', flags: 'gy' },
          ],
        }),
      );
      expect(problems).toEqual([
        expect.stringMatching(/patterns\[0\] \(broken\): invalid regular expression/),
        expect.stringMatching(/patterns\[1\] \(empty\): pattern matches the empty string/),
        expect.stringMatching(/patterns\[2\] \(optional\): pattern matches the empty string/),
        expect.stringMatching(/patterns\[3\] \(Bad Name\): name must be lower snake_case/),
        expect.stringMatching(/patterns\[4\] \(email\): name is reserved/),
        expect.stringMatching(/patterns\[6\] \(twice\): name is used twice/),
        expect.stringMatching(/patterns\[7\] \(sticky\): flags may only be/),
      ]);
    });

    it('rejects unknown detectors and actions', () => {
      const problems = problemsOf(() =>
        compileRedactionRules({ detectors: ['ssn' as never], paths: [{ path: '$.a', action: 'hash' as never }] }),
      );
      expect(problems).toEqual(['paths[0]: unknown action "hash"', 'detectors: unknown detector "ssn"']);
    });

    it('reuses compiled rules', () => {
      const rules = compileRedactionRules({ patterns: [{ name: 'code', pattern: 'C\\d+' }] });
      expect(redact('C1 C2', rules).value).toBe('[REDACTED:code] [REDACTED:code]');
      expect(redact('C3', rules).value).toBe('[REDACTED:code]');
    });
  });

  it('refuses circular values', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => redact(a)).toThrow(/circular reference at \$\.self/);
  });
});

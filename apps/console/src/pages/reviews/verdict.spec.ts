import { parseCorrectedOutput, rationaleProblem } from './verdict';

describe('the verdict form checks', () => {
  it('wants a rationale of 3 to 5000 characters', () => {
    expect(rationaleProblem('  ok ')).toBe('Say why, in at least 3 characters.');
    expect(rationaleProblem('Checked the claim file')).toBeNull();
    expect(rationaleProblem('x'.repeat(5001))).toBe('At most 5,000 characters (this has 5,001).');
  });

  it('parses the corrected output, or says why it is not JSON', () => {
    expect(parseCorrectedOutput('{ "route": "standard" }')).toEqual({ value: { route: 'standard' } });
    expect(parseCorrectedOutput('   ')).toEqual({ problem: 'Give the corrected output as JSON.' });
    const broken = parseCorrectedOutput('{ "route": ');
    expect('problem' in broken && broken.problem).toMatch(/^This is not valid JSON: /);
  });
});

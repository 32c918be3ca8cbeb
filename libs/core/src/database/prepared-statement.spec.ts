import { prepared, preparedStatements } from './prepared-statement';

describe('prepared', () => {
  it("names the statement in Attest's namespace and lists it with the others made", () => {
    const statement = prepared('spec_listed', 'SELECT 1');
    expect(statement).toEqual({ name: 'attest_spec_listed', text: 'SELECT 1' });
    expect(preparedStatements()).toContainEqual(statement);
  });

  it('accepts the same text under one name again (a service built twice)', () => {
    prepared('spec_same', 'SELECT 2');
    expect(() => prepared('spec_same', 'SELECT 2')).not.toThrow();
  });

  it('refuses a second text under one name', () => {
    prepared('spec_changed', 'SELECT 3');
    expect(() => prepared('spec_changed', 'SELECT 4')).toThrow('Prepared statement attest_spec_changed made with a second text');
  });
});

import { withholdQuotedValues } from './withhold-values';

describe('withholdQuotedValues', () => {
  it('cuts the quoted variable value out of a variable error, keeping where and why', () => {
    const message =
      'Variable "$i" got invalid value { automationId: "a", input: { email: "jane@example.com", note: "a; b }" }, tags: [1, 2] } ' +
      'at "i.decisions[1]"; Field "idempotencyKey" of required type "String!" was not provided.';
    expect(withholdQuotedValues(message)).toBe(
      'Variable "$i" got an invalid value at "i.decisions[1]"; Field "idempotencyKey" of required type "String!" was not provided.',
    );
  });

  it('cuts a quoted scalar from the reason too', () => {
    expect(
      withholdQuotedValues(
        'Variable "$c" got invalid value "jane@example.com"; Float cannot represent non numeric value: "jane@example.com"',
      ),
    ).toBe('Variable "$c" got an invalid value; Float cannot represent non numeric value: (withheld)');
    expect(withholdQuotedValues('Variable "$n" got invalid value 12; Int cannot represent non-integer value: 12.5')).toBe(
      'Variable "$n" got an invalid value; Int cannot represent non-integer value: (withheld)',
    );
  });

  it('leaves other messages alone', () => {
    expect(withholdQuotedValues('Cannot query field "foo" on type "Query".')).toBe('Cannot query field "foo" on type "Query".');
  });
});

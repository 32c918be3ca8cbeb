import { formatLabelPath, parseLabelPath } from './label-path';

describe('label paths', () => {
  it('reads the keys of $.a.b, and writes them back', () => {
    expect(parseLabelPath('$.label')).toEqual(['label']);
    expect(parseLabelPath('$.result.items.0.label')).toEqual(['result', 'items', '0', 'label']);
    expect(formatLabelPath(['result', 'label'])).toBe('$.result.label');
  });

  it.each(['', '$', '$.', 'label', '$.a..b', '$.a b', "$.a'b", `$${'.k'.repeat(9)}`, `$.${'x'.repeat(65)}`])('refuses %p', (text) => {
    expect(parseLabelPath(text)).toBeNull();
  });
});

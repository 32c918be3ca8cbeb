import { helveticaWidth } from './helvetica-widths';
import { tableWidths, unbreakableWords } from './table-widths';

const longToken = (word: string) => word.length >= 28;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('helveticaWidth', () => {
  it("measures with the font's metrics, the wider of regular and bold", () => {
    expect(helveticaWidth('0123456789', 10)).toBeCloseTo(55.6);
    expect(helveticaWidth('iiii', 10)).toBeCloseTo(11.12); // bold's i (278) over regular's (222)
    expect(helveticaWidth('信', 10)).toBeCloseTo(8.33); // outside ASCII: as wide as an M
  });
});

describe('unbreakableWords', () => {
  it('breaks at white space and after a hyphen no digit follows', () => {
    expect(unbreakableWords('in_review to approved')).toEqual(['in_review', 'to', 'approved']);
    expect(unbreakableWords('23653249-ef57-4f89-8905-3a4cd5df0656')).toEqual(['23653249-', 'ef57-4f89-8905-3a4cd5df0656']);
    expect(unbreakableWords('annex-iii-domain')).toEqual(['annex-', 'iii-', 'domain']);
  });
});

describe('tableWidths', () => {
  const timestamp = '2026-12-07T15:47:32.579Z';
  const uuid = '23653249-ef57-4f89-8905-3a4cd5df0656';
  const rationale = 'Validation report attached (VR-2024-17): the model meets the bar on every slice we measured';
  // A model version's lifecycle: a timestamp, a move, a principal id and prose.
  const lifecycle = [
    ['When', timestamp],
    ['Move', 'in_review to approved'],
    ['By', uuid],
    ['Rationale', rationale],
  ];

  it('fills the line, giving each column at least its longest word and the rest to the columns that want more', () => {
    const { widths, squeezed } = tableWidths(lifecycle, 451, 10, longToken);
    expect(squeezed).toBe(false);
    expect(sum(widths)).toBeCloseTo(451);
    expect(widths[0]).toBeGreaterThan(helveticaWidth(timestamp, 10));
    expect(widths[2]).toBeGreaterThan(helveticaWidth('ef57-4f89-8905-3a4cd5df0656', 10));
    expect(widths[3]).toBeGreaterThan(helveticaWidth('(VR-2024-17):', 10) + 20);
  });

  it('gives each column its text in proportion when everything fits', () => {
    const { widths } = tableWidths(
      [
        ['Round', '1'],
        ['Effect', 'allow'],
      ],
      400,
      10,
      longToken,
    );
    expect(sum(widths)).toBeCloseTo(400);
    expect(widths[1] / widths[0]).toBeCloseTo((helveticaWidth('Effect', 10) + 1) / (helveticaWidth('Round', 10) + 1));
  });

  it('lets a digest break anywhere rather than claim its whole length', () => {
    const digest = 'a'.repeat(64);
    const { widths, squeezed } = tableWidths(
      [
        ['Digest', digest],
        ['Note', 'approved after review'],
      ],
      200,
      10,
      longToken,
    );
    expect(squeezed).toBe(false);
    expect(widths[0]).toBeLessThan(helveticaWidth(digest, 10));
    expect(widths[1]).toBeGreaterThan(helveticaWidth('approved', 10));
  });

  it('squeezes when the longest words cannot sit side by side: every cell then breaks anywhere', () => {
    const { widths, squeezed } = tableWidths(lifecycle, 200, 10, longToken);
    expect(squeezed).toBe(true);
    expect(sum(widths)).toBeCloseTo(200);
  });
});

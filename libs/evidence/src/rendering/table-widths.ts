import { helveticaWidth } from './helvetica-widths';

/**
 * Column widths for a PDF table, in points. pdfmake's star columns all get the widest column's
 * minimum, so four columns holding a timestamp, a UUID and prose ran past the right margin; these
 * widths give each column at least its longest unbreakable word (measured with the font's metrics) and
 * share the rest by how much text each column holds.
 */

/** A column never asks for more than this many ems: longer text wraps anyway. */
const WRAP_EMS = 24;
/** At least this many ems for a column whose words may break anywhere (a digest). */
const BREAKABLE_MIN_EMS = 6;
const SPARE = 1;

export interface TableWidths {
  /** Content widths, one per column, summing to the space left by the cell padding. */
  widths: number[];
  /** The columns' longest words do not fit side by side: every cell must break inside its words. */
  squeezed: boolean;
}

/**
 * Where a line may break: at white space, and after a hyphen that no digit follows (a UUID's
 * `8905-3a4c` does not break, as in the Unicode line-breaking rules pdfmake applies).
 */
export function unbreakableWords(text: string): string[] {
  return text.split(/\s+|(?<=-)(?=\D)/).filter(Boolean);
}

/**
 * @param columns each column's texts, header first
 * @param available the line's width in points, less the cell padding
 * @param longToken whether a word may break anywhere (see render-pdf.ts `LONG_TOKEN`)
 */
export function tableWidths(columns: string[][], available: number, fontSize: number, longToken: (word: string) => boolean): TableWidths {
  const width = (text: string) => helveticaWidth(text, fontSize);
  // A point to spare: a word exactly as wide as its column must not be pushed onto a line of its own.
  // Folded row by row, not spread: a table may have more cells than a call takes arguments.
  const wordWidth = (word: string) => (longToken(word) ? BREAKABLE_MIN_EMS * fontSize : width(word));
  const minimum = columns.map(
    (texts) => SPARE + texts.reduce((m, text) => Math.max(m, ...unbreakableWords(text).map(wordWidth)), fontSize),
  );
  const wanted = columns.map((texts, i) =>
    Math.max(
      minimum[i],
      SPARE +
        Math.min(
          WRAP_EMS * fontSize,
          texts.reduce((m, text) => Math.max(m, width(text)), 0),
        ),
    ),
  );
  const least = sum(minimum);
  if (least >= available) return { widths: minimum.map((m) => (m * available) / least), squeezed: true };
  const most = sum(wanted);
  if (most <= available) return { widths: wanted.map((w) => (w * available) / most), squeezed: false };
  // Every column gets its longest word; the rest goes to each in proportion to what more it wants.
  const more = wanted.map((w, i) => w - minimum[i]);
  return { widths: minimum.map((m, i) => m + ((available - least) * more[i]) / sum(more)), squeezed: false };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

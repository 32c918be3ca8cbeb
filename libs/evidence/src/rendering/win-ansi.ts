/**
 * The PDF's standard fonts (Helvetica, Courier) encode text as WinAnsi (Windows-1252): a character outside
 * it would print as a wrong glyph or nothing, silently. So every text is brought into WinAnsi on purpose:
 * kept when it is in the set, transliterated when a close spelling exists (é stays, ł becomes l,
 * → becomes ->), and otherwise replaced by `?` so that a reader sees something was there.
 */
export const WIN_ANSI_REPLACEMENT = '?';

// Windows-1252 beyond Latin-1: the printable characters it puts at 0x80–0x9F.
const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

// Characters that NFKD does not decompose into WinAnsi but have a conventional spelling in it.
const TRANSLITERATIONS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ŀ: 'L',
  ŀ: 'l',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '′': "'",
  '″': '"',
  '✓': 'yes',
  '✔': 'yes',
  '✗': 'no',
  '✘': 'no',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(char) || char === '\n';
}

/** The text as the standard fonts can print it. Line breaks are kept; tabs become spaces; other controls go. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) out += winAnsiChar(char);
  return out;
}

function winAnsiChar(char: string): string {
  if (isWinAnsi(char)) return char;
  if (char === '\t') return '    ';
  if (char === '\r' || (char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f') return '';
  const known = TRANSLITERATIONS[char];
  if (known !== undefined) return known;
  // A letter with marks outside WinAnsi (ő, ț, ş…) keeps its base letter; a compatibility form (ﬁ, ²) its plain one.
  const decomposed = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (decomposed.length > 0 && [...decomposed].every(isWinAnsi)) return decomposed.normalize('NFC');
  return WIN_ANSI_REPLACEMENT;
}

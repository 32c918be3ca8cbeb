/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted when
 * it holds a comma, a double quote, CR or LF, and a double quote inside doubled.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR, which some strip first) as a
 * formula: a decision's input or an audit event's subject could carry `=HYPERLINK(…)` into a
 * compliance officer's Excel (OWASP "CSV injection"). Such a text cell gets a leading apostrophe,
 * which spreadsheets show as text and never evaluate. Numbers are written by us, not by callers,
 * so a negative number keeps its sign (it is a number, not a text starting with "-").
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field. null and undefined are empty; a Date is ISO 8601 (UTC). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : neutralised(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Parses RFC 4180 CSV as csvRecord writes it (quoted fields, doubled quotes, CRLF records) into rows
 * of fields, each as written: a reader that must check an export's cells (the evidence verifier) and
 * the tests that read exports as a client would.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** A text cell as it was before csvField neutralised a formula start: the apostrophe it added removed. */
export function csvText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

import type { AccessChange } from './access-diff';

const HEADINGS = ['Change', 'Role', 'Action', 'Subject', 'Before', 'After'];
const NO_CHANGES = 'No access rule changes.';

/** A GitHub-flavoured Markdown table, for the pull request comment. */
export function accessDiffMarkdown(changes: readonly AccessChange[]): string {
  if (changes.length === 0) return NO_CHANGES;
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const body = rows(changes).map(([change, ...rest]) => line([`**${change}**`, ...rest].map(markdownCell)));
  return [line(HEADINGS), line(HEADINGS.map(() => '---')), ...body].join('\n');
}

/** Aligned columns, for a terminal. */
export function accessDiffText(changes: readonly AccessChange[]): string {
  if (changes.length === 0) return NO_CHANGES;
  const table = [HEADINGS.map((h) => h.toUpperCase()), ...rows(changes)];
  const widths = HEADINGS.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  return table
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function rows(changes: readonly AccessChange[]): string[][] {
  return changes.map((c) => [c.change, c.role, c.action, c.subject, c.before, c.after]);
}

/** A backslash or pipe would end or break the cell; a line break would end the row. */
function markdownCell(text: string): string {
  return text.replace(/[\\|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

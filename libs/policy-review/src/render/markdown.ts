/** Small Markdown helpers for the pull-request comment: table cells and code that cannot break the layout. */

/** A table cell: `|` escaped, newlines folded, so a message never breaks a row. */
export function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** Inline code that holds any text (a backtick inside gets a longer fence). */
export function code(text: string): string {
  const fence = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return fence.length > 1 ? `${fence} ${text} ${fence}` : `\`${text}\``;
}

export function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

/** A collapsible section (GitHub renders `<details>`); a blank line after the summary so Markdown inside renders. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** 12,345 — counts read at a glance. */
export const count = (n: number) => n.toLocaleString('en-US');

/** An outcome change as a reviewer reads it; the same effect means other policies matched. */
export const transitionLabel = (from: string, to: string) => (from === to ? `${from} (other policies)` : `${from} → ${to}`);

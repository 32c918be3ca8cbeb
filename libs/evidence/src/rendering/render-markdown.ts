import { DocumentBlock, DocumentSection, EvidenceDocument, GAP_LABEL } from './evidence-document';

/**
 * CommonMark (with GitHub tables). Text is escaped so that nothing in a fact (a model's description,
 * a policy's name) becomes markup: a `#`, `*`, `[`, `<` or `|` reads as itself.
 */
export function renderMarkdown(doc: EvidenceDocument): string {
  const out: string[] = [`# ${inline(doc.title)}`];
  if (doc.subtitle) out.push(`_${inline(doc.subtitle)}_`);
  out.push(`Generated at ${inline(doc.generatedAt)}`);
  for (const section of doc.sections) out.push(...sectionLines(section, 2));
  if (doc.footer) out.push('---', inline(doc.footer));
  return `${out.join('\n\n')}\n`;
}

function sectionLines(section: DocumentSection, level: number): string[] {
  const lines = [`${'#'.repeat(Math.min(level, 6))} ${inline(section.heading)}`];
  if (section.gap !== undefined) lines.push(`> **${GAP_LABEL}** ${inline(section.gap)}`);
  for (const block of section.blocks) lines.push(blockText(block));
  for (const child of section.sections ?? []) lines.push(...sectionLines(child, level + 1));
  return lines;
}

function blockText(block: DocumentBlock): string {
  if ('paragraph' in block) return paragraph(block.paragraph);
  if ('facts' in block) return block.facts.map(([label, value]) => `- **${inline(label)}:** ${inline(value)}`).join('\n');
  if ('list' in block) return block.list.map((item) => `- ${inline(item)}`).join('\n');
  if ('table' in block) {
    const { columns, rows } = block.table;
    const row = (cells: string[]) => `| ${cells.map(inline).join(' | ')} |`;
    return [row(columns), `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map(row)].join('\n');
  }
  return fenced(block.code);
}

/**
 * One line of text: line breaks folded (a table cell or list item is one line) and every character that
 * is markup wherever it stands escaped. `(`, `!`, `-` or `+` only mean something after a `]` (escaped) or
 * at the start of a line, which only a paragraph has.
 */
function inline(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
}

/** A paragraph that starts like a list item, a heading underline or an ordered item stays text. */
function paragraph(text: string): string {
  return inline(text)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A fence longer than any run of backticks inside, so the code cannot close it early. */
function fenced(code: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${code}\n${fence}`;
}

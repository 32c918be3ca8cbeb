import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DocumentBlock, DocumentSection, EvidenceDocument, GAP_LABEL } from './evidence-document';
import { tableWidths } from './table-widths';
import { toWinAnsi } from './win-ansi';

// The PDF's standard fonts need no font file, and no document may make pdfmake read a file or fetch a URL:
// the only local "paths" it may resolve are the standard fonts' names.
const STANDARD_FONT = /^(Helvetica|Times|Courier)(-[A-Za-z]+)?$/;
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT.test(path));
pdfmake.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
  Courier: { normal: 'Courier', bold: 'Courier-Bold', italics: 'Courier-Oblique', bolditalics: 'Courier-BoldOblique' },
});

/**
 * An A4 PDF with the standard fonts. The same document renders to the same bytes: the metadata dates
 * are the document's generatedAt (pdfkit derives the file id from them), and nothing else varies.
 */
export async function renderPdf(doc: EvidenceDocument): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}

function pdfDefinition(doc: EvidenceDocument): TDocumentDefinitions {
  const generatedAt = new Date(doc.generatedAt);
  const footer = doc.footer ? toWinAnsi(doc.footer) : undefined;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, 56, MARGIN, 56],
    info: {
      title: toWinAnsi(doc.title),
      subject: doc.subtitle ? toWinAnsi(doc.subtitle) : undefined,
      creator: 'Attest',
      producer: 'Attest',
      creationDate: generatedAt,
      modDate: generatedAt,
    },
    defaultStyle: { font: 'Helvetica', fontSize: FONT_SIZE, lineHeight: 1.2 },
    styles: STYLES,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: footer ?? '', style: 'footer' },
        { text: `Page ${page} of ${pages}`, style: 'footer', alignment: 'right', width: 'auto' },
      ],
      margin: [MARGIN, 20, MARGIN, 0],
    }),
    content: [
      { text: toWinAnsi(doc.title), style: 'title' },
      ...(doc.subtitle ? [{ text: toWinAnsi(doc.subtitle), style: 'subtitle' }] : []),
      { text: `Generated at ${toWinAnsi(doc.generatedAt)}`, style: 'generated' },
      ...doc.sections.flatMap((section) => sectionContent(section, 1)),
    ],
  };
}

const FONT_SIZE = 10;
const MARGIN = 48;
/** A4's width in points, less the margins. */
const LINE_WIDTH = 595.28 - 2 * MARGIN;
/** The lightHorizontalLines layout pads each cell 8 pt on either side, except at the table's edges. */
const CELL_GAP = 16;

const STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 12, color: '#444444', margin: [0, 0, 0, 2] },
  generated: { fontSize: 9, color: '#555555', margin: [0, 0, 0, 12] },
  heading1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
  heading2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  heading3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  gap: { color: '#8a4500', italics: true, margin: [0, 0, 0, 6] },
  block: { margin: [0, 0, 0, 6] },
  code: { font: 'Courier', fontSize: 8, margin: [0, 0, 0, 6] },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  factLabel: { bold: true },
  footer: { fontSize: 8, color: '#555555' },
};

function sectionContent(section: DocumentSection, depth: number): Content[] {
  const content: Content[] = [{ text: toWinAnsi(section.heading), style: `heading${Math.min(depth, 3)}`, headlineLevel: depth }];
  if (section.gap !== undefined) content.push({ text: [{ text: `${GAP_LABEL} `, bold: true }, toWinAnsi(section.gap)], style: 'gap' });
  for (const block of section.blocks) content.push(blockContent(block));
  for (const child of section.sections ?? []) content.push(...sectionContent(child, depth + 1));
  return content;
}

/**
 * Longer than this without a space or a hyphen (where a line may break anyway), a token (a digest, an id,
 * JSON) cannot wrap at a word: it may break anywhere. A policy id like `annex-iii-domain-requires-high-risk`
 * wraps at its hyphens, so its cell keeps breaking between words.
 */
const LONG_TOKEN = /[^\s-]{28,}/;

/** A table cell's text; one holding a long token (or in a squeezed table) breaks inside words rather than running over the next cell. */
function cell(winAnsi: string, breakAnywhere = false): Content {
  return breakAnywhere || LONG_TOKEN.test(winAnsi) ? { text: winAnsi, wordBreak: 'break-all' } : winAnsi;
}

function blockContent(block: DocumentBlock): Content {
  if ('paragraph' in block) return { text: toWinAnsi(block.paragraph), style: 'block' };
  if ('list' in block) return { ul: block.list.map(toWinAnsi), style: 'block' };
  if ('facts' in block)
    return {
      table: {
        widths: ['auto', '*'],
        // A row split over two pages puts the footer inside a value: keep each row on one page.
        dontBreakRows: true,
        body: block.facts.map(([label, value]) => [{ text: toWinAnsi(label), style: 'factLabel' }, cell(toWinAnsi(value))]),
      },
      layout: 'noBorders',
      style: 'block',
    };
  if ('table' in block) return tableContent(block.table.columns.map(toWinAnsi), block.table.rows);
  return { text: toWinAnsi(block.code), style: 'code', preserveLeadingSpaces: true };
}

function tableContent(header: string[], rows: string[][]): Content {
  const body = rows.map((row) => cellsOf(row, header.length));
  const columns = header.map((title, i) => [title, ...body.map((row) => row[i])]);
  const available = LINE_WIDTH - CELL_GAP * (header.length - 1);
  const { widths, squeezed } = tableWidths(columns, available, FONT_SIZE, (word) => LONG_TOKEN.test(word));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((text) => ({ text, style: 'tableHeader' })), ...body.map((row) => row.map((text) => cell(text, squeezed)))],
    },
    layout: 'lightHorizontalLines',
    style: 'block',
  };
}

/**
 * A row as wide as the header: pdfmake fails on a row with more cells than columns and leaves a shorter
 * one ragged. Short rows get empty cells; cells beyond the header join the last column, so nothing is lost.
 */
function cellsOf(row: string[], width: number): string[] {
  const cells = Array.from({ length: width }, (_, i) => row[i] ?? '');
  if (row.length > width) cells[width - 1] = row.slice(width - 1).join(' ');
  return cells.map(toWinAnsi);
}

import { renderHtml, renderMarkdown, renderPdf, type EvidenceDocument } from '../rendering';
import { DocumentFormat, EvidenceFileFormat } from './evidence-document.enums';
import { generatedFile, type GeneratedFile } from './generated-file.model';

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  [DocumentFormat.MARKDOWN]: 'text/markdown; charset=utf-8',
  [DocumentFormat.HTML]: 'text/html; charset=utf-8',
  [DocumentFormat.PDF]: 'application/pdf',
};
/** A rendered format as the store names it. */
export const STORED_FORMAT: Record<DocumentFormat, EvidenceFileFormat> = {
  [DocumentFormat.MARKDOWN]: EvidenceFileFormat.MARKDOWN,
  [DocumentFormat.HTML]: EvidenceFileFormat.HTML,
  [DocumentFormat.PDF]: EvidenceFileFormat.PDF,
};
const EXTENSIONS: Record<DocumentFormat, string> = {
  [DocumentFormat.MARKDOWN]: 'md',
  [DocumentFormat.HTML]: 'html',
  [DocumentFormat.PDF]: 'pdf',
};

/** The document in one format, as a file named `<baseName>.<ext>` (baseName made safe for a file name). */
export async function renderDocument(doc: EvidenceDocument, format: DocumentFormat, baseName: string): Promise<GeneratedFile> {
  const bytes =
    format === DocumentFormat.PDF
      ? await renderPdf(doc)
      : Buffer.from(format === DocumentFormat.HTML ? renderHtml(doc) : renderMarkdown(doc), 'utf8');
  return generatedFile(`${safeFileName(baseName)}.${EXTENSIONS[format]}`, MEDIA_TYPES[format], bytes);
}

/** ASCII letters, digits, dot, dash and underscore only: the name goes into a Content-Disposition header. */
export function safeFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|-+$/g, '')
    .slice(0, 180);
  return safe || 'document';
}

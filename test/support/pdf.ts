import { execFileSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (physical layout), the way a reader's tool sees the document. */
export function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
}

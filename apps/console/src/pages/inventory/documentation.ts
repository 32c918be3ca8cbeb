/** The formats an automation version's technical documentation is offered in, as GraphQL names them (DocumentFormat). */
export const DOCUMENT_FORMATS = [
  { format: 'MARKDOWN', label: 'Markdown' },
  { format: 'HTML', label: 'HTML' },
  { format: 'PDF', label: 'PDF' },
] as const;

/** "6 of 9 sections (67 %)": the score as the reader counts it. */
export function completenessWords(c: { score: number; sectionCount: number; completeCount: number }): string {
  return `${c.completeCount} of ${c.sectionCount} sections have their facts (${Math.round(c.score * 100)} %)`;
}

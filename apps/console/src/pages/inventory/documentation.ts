/** The download links of an automation version's technical documentation (GET /api/v1/evidence/technical-documentation, docs/api.md). */
export const DOCUMENT_FORMATS = [
  { format: 'MARKDOWN', label: 'Markdown' },
  { format: 'HTML', label: 'HTML' },
  { format: 'PDF', label: 'PDF' },
] as const;

export function technicalDocumentationPath(automationVersionId: string, format: string): string {
  return `/api/v1/evidence/technical-documentation?${new URLSearchParams({ automationVersionId, format })}`;
}

/** "6 of 9 sections (67 %)": the score as the reader counts it. */
export function completenessWords(c: { score: number; sectionCount: number; completeCount: number }): string {
  return `${c.completeCount} of ${c.sectionCount} sections have their facts (${Math.round(c.score * 100)} %)`;
}

/**
 * A document Attest hands to people outside it (an auditor, a regulator, the person decided about),
 * described once and rendered to Markdown, HTML and PDF by the renderers beside this file. The model
 * holds text only: every renderer escapes it for its own format, so callers never pre-escape.
 */
export interface EvidenceDocument {
  title: string;
  subtitle?: string;
  /** When the document was generated, ISO 8601; also the PDF's creation date, so a render is reproducible. */
  generatedAt: string;
  sections: DocumentSection[];
  footer?: string;
}

export interface DocumentSection {
  heading: string;
  blocks: DocumentBlock[];
  sections?: DocumentSection[];
  /** Set when the facts for this section are missing: the renderers say it explicitly as "Gap: …". */
  gap?: string;
}

export type DocumentBlock =
  | { paragraph: string }
  /** A two-column key/value list. */
  | { facts: [label: string, value: string][] }
  | { table: { columns: string[]; rows: string[][] } }
  | { list: string[] }
  /** Monospace text, e.g. a digest or JSON. */
  | { code: string };

/** The prefix every renderer puts before a section's gap, so a reader (and a test) finds each one. */
export const GAP_LABEL = 'Gap:';

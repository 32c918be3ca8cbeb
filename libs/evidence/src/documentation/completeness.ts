import type { DocumentSection, EvidenceDocument } from '../rendering';

export interface DocumentationGap {
  /** The heading of the section that lacks facts. */
  section: string;
  /** What is missing, in words. */
  missing: string;
}

export interface Completeness {
  /** Sections with all their facts / sections, in [0, 1]. */
  score: number;
  sectionCount: number;
  completeCount: number;
  gaps: DocumentationGap[];
}

/**
 * How complete a document is: each section that states facts (a section made only of subsections is
 * counted through them) is complete when it has no gap. The score is complete sections / sections.
 */
export function completenessOf(doc: EvidenceDocument): Completeness {
  const counted = doc.sections.flatMap(leaves);
  const gaps = counted.filter((s) => s.gap !== undefined).map((s) => ({ section: s.heading, missing: s.gap as string }));
  const completeCount = counted.length - gaps.length;
  return { score: counted.length === 0 ? 0 : completeCount / counted.length, sectionCount: counted.length, completeCount, gaps };
}

function leaves(section: DocumentSection): DocumentSection[] {
  return section.sections && section.sections.length > 0 ? section.sections.flatMap(leaves) : [section];
}

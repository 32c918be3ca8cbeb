import type { EvidenceDocument } from '../rendering';
import { formatTime } from './explain-decision';
import type { SubjectExplanationModel } from './subject-explanation.model';
import { fill, type SubjectTemplates } from './templates/subject-templates';

/** A person's explanation as a document (rendered to HTML and PDF): one section per decision, its parts as subsections. */
export function explanationDocument(explanation: SubjectExplanationModel, t: SubjectTemplates): EvidenceDocument {
  const count = explanation.decisions.length;
  return {
    title: explanation.title,
    subtitle: count === 1 ? t.document.subtitleOne : fill(t.document.subtitleMany, { count }),
    generatedAt: explanation.generatedAt.toISOString(),
    sections: [
      {
        heading: t.document.aboutHeading,
        blocks: [
          { paragraph: explanation.intro },
          { paragraph: t.document.rights },
          ...(count === 0 ? [{ paragraph: t.document.none }] : []),
          ...(explanation.truncated ? [{ paragraph: t.document.truncated }] : []),
        ],
      },
      ...explanation.decisions.map((d) => {
        const [overview, ...parts] = d.sections;
        return {
          heading: overview.heading,
          blocks: [
            {
              facts: [
                [t.decision.labels.decision, d.decisionId],
                [t.decision.labels.made, formatTime(d.madeAt)],
                [t.decision.labels.automation, d.automation ?? t.decision.unknownAutomation],
                [t.decision.labels.outcome, d.summary],
              ] as [string, string][],
            },
            // The outcome is in the facts above; the rest of the overview follows them.
            ...overview.paragraphs.filter((paragraph) => paragraph !== d.summary).map((paragraph) => ({ paragraph })),
          ],
          sections: parts.map((part) => ({ heading: part.heading, blocks: part.paragraphs.map((paragraph) => ({ paragraph })) })),
        };
      }),
    ],
    footer: t.document.footer,
  };
}

import type { EvidenceDocument, DocumentSection } from '../../rendering';
import { ledgerSection, text } from '../summary-sections';
import type { AuditEventRecord, DecisionRecord, PackFact, PackManifest, PolicyPackRecord, ReviewRecord } from '../pack-layout';

export interface SummaryInput {
  manifest: Omit<PackManifest, 'files'>;
  decision: DecisionRecord;
  reviews: ReviewRecord[];
  policyPack: PolicyPackRecord | null;
  lineage: {
    automationVersion: Record<string, unknown>;
    modelVersion: Record<string, unknown>;
    datasetVersions: Record<string, unknown>[];
  };
  auditEvents: AuditEventRecord[];
  facts: PackFact[];
  checkpoint: { treeSize: number };
  keyId: string;
}

/** A step's detail as `key value` pairs a reader scans, and that wrap at their spaces. */
const readable = (detail: Record<string, unknown> | null) =>
  detail === null
    ? '-'
    : Object.entries(detail)
        .map(([key, value]) => `${key} ${text(value)}`)
        .join(', ');

/**
 * The pack's summary.pdf for people: what the JSON files of the pack say, in reading order, and how
 * to check them. It is a rendering, not evidence: `attest evidence verify` checks the JSON files.
 */
export function decisionSummary(input: SummaryInput): EvidenceDocument {
  const { decision: d, manifest } = input;
  return {
    title: `Evidence pack: decision ${d.id}`,
    subtitle: `Exported ${manifest.generatedAt} by ${manifest.generatedBy}`,
    generatedAt: manifest.generatedAt,
    sections: [
      decisionSection(input),
      traceSection(d),
      policySection(input),
      reviewSection(input.reviews),
      lineageSection(input),
      auditSection(input),
      ledgerSection(input.manifest.origin, input.facts, input.checkpoint.treeSize, input.keyId),
    ],
    footer:
      'The JSON files of this pack are the evidence; this summary renders them. Verify with: attest evidence verify <pack.zip> --key pub.pem',
  };
}

function decisionSection({ decision: d, manifest }: SummaryInput): DocumentSection {
  return {
    heading: 'The decision',
    blocks: [
      {
        facts: [
          ['Decision', d.id],
          ['Status', d.status],
          ['Confidence', text(d.confidence)],
          ['Automation', d.automationId],
          ['Automation version', d.automationVersionId],
          ['Model version', d.modelVersionId],
          ['Occurred at', d.occurredAt],
          ['Recorded at', d.recordedAt],
          ['Recorded by', d.recordedBy],
          ['Correlation id', text(d.correlationId)],
          ['About a person', d.subjectHash ? 'yes (keyed hash of their reference)' : 'no subject given'],
          ['Redactions', d.redactions.length === 0 ? 'none' : `${d.redactions.length} values redacted before storage`],
        ],
      },
      ...(manifest.withheld.length > 0
        ? [{ paragraph: `Withheld from this pack (the exporting role may not read them): ${manifest.withheld.join(', ')}.` }]
        : []),
      { paragraph: `Input: ${text(d.input)}` },
      { paragraph: `Output: ${text(d.output)}` },
    ],
  };
}

function traceSection(d: DecisionRecord): DocumentSection {
  const heading = 'Why: the explanation trace';
  if (d.explanation === null) return { heading, blocks: [], gap: 'withheld from this pack with the input it quotes' };
  if (d.explanation.length === 0) return { heading, blocks: [], gap: 'the automation recorded no explanation trace' };
  return { heading, blocks: [{ list: d.explanation.map((s) => `${s.kind.replace(/_/g, ' ')}: ${readable(s.detail)}`) }] };
}

function policySection({ decision: d, policyPack }: SummaryInput): DocumentSection {
  const heading = 'Policy evaluation';
  if (!d.policy.packDigest) return { heading, blocks: [], gap: 'no policy pack was active when the decision was recorded' };
  const results = d.policy.results as { id: string; version: number; effect: string; message: string; frameworks: string[] }[];
  return {
    heading,
    blocks: [
      {
        facts: [
          ['Pack', policyPack ? `${policyPack.name} (${policyPack.policies.length} policies)` : '-'],
          ['Pack digest', d.policy.packDigest],
          ['Effect', text(d.policy.effect)],
        ],
      },
      results.length === 0
        ? { paragraph: 'No policy matched.' }
        : {
            table: {
              columns: ['Policy', 'Effect', 'Message', 'Frameworks'],
              rows: results.map((r) => [`${r.id} v${r.version}`, r.effect, r.message, r.frameworks.join(', ')]),
            },
          },
    ],
  };
}

function reviewSection(reviews: ReviewRecord[]): DocumentSection {
  if (reviews.length === 0) return { heading: 'Human review', blocks: [{ paragraph: 'No human reviewed this decision.' }] };
  return {
    heading: 'Human review',
    blocks: reviews.map((r) => ({
      facts: [
        ['Verdict', r.verdict],
        ['Rationale', r.rationale],
        ['Reviewer', r.reviewerId],
        ['When', r.createdAt],
        ['Corrected output', text(r.correctedOutput)],
      ] as [string, string][],
    })),
  };
}

function lineageSection({ lineage }: SummaryInput): DocumentSection {
  const { automationVersion: av, modelVersion: mv, datasetVersions } = lineage;
  return {
    heading: 'Lineage',
    blocks: [
      {
        facts: [
          ['Automation version', `${text(av.id)} (version ${text(av.version)}, ${text(av.riskClass)} risk)`],
          ['Model version', `${text(mv.id)} (version ${text(mv.version)})`],
          ['Model artifact digest', text(mv.artifactDigest)],
        ],
      },
      datasetVersions.length === 0
        ? { paragraph: 'No registered dataset version is upstream of this decision.' }
        : { list: datasetVersions.map((v) => `Dataset version ${text(v.id)} from ${text(v.sourceUri)}, digest ${text(v.digest)}`) },
    ],
  };
}

function auditSection({ auditEvents, manifest }: SummaryInput): DocumentSection {
  return {
    heading: 'Audit trail',
    blocks: [
      // A list, not a table: ids in narrow columns wrap wherever their glyphs fall.
      { list: auditEvents.map((e) => `${e.occurredAt}: ${e.action} on ${e.subjectType} ${e.subjectId} by ${text(e.actorId)}`) },
      ...(manifest.notYetSealed > 0
        ? [{ paragraph: `${manifest.notYetSealed} later events are not sealed yet and are not in this pack.` }]
        : []),
    ],
  };
}

import type { DocumentSection, EvidenceDocument } from '../../rendering';
import type { AuditEventRecord, DecisionCountsRecord, GateEvaluationRecord, LifecycleRecord, PackFact, PackManifest } from '../pack-layout';
import { countsSection, ledgerSection, text } from '../summary-sections';

export interface ModelVersionSummaryInput {
  manifest: Omit<PackManifest, 'files'>;
  modelVersion: Record<string, unknown>;
  lifecycle: LifecycleRecord;
  gates: GateEvaluationRecord[];
  policyPacks: { digest: string; name: string; policies: unknown[] }[];
  datasetVersions: Record<string, unknown>[];
  counts: DecisionCountsRecord;
  auditEvents: AuditEventRecord[];
  facts: PackFact[];
  treeSize: number;
  keyId: string;
}

/** The model version pack's summary.pdf: a rendering of its JSON files for people, not the evidence itself. */
export function modelVersionSummary(input: ModelVersionSummaryInput): EvidenceDocument {
  const { modelVersion: mv, manifest } = input;
  return {
    title: `Evidence pack: model ${text(mv.modelName)} version ${text(mv.version)}`,
    subtitle: `Exported ${manifest.generatedAt} by ${manifest.generatedBy}`,
    generatedAt: manifest.generatedAt,
    sections: [
      registrationSection(mv),
      lifecycleSection(input.lifecycle),
      gateSection(input),
      datasetSection(input.datasetVersions),
      countsSection('Decisions it made', input.counts),
      {
        heading: 'Audit trail',
        blocks: [
          {
            table: {
              columns: ['When', 'Actor', 'Action'],
              rows: input.auditEvents.map((e) => [e.occurredAt, text(e.actorId), e.action]),
            },
          },
          ...(manifest.notYetSealed > 0
            ? [{ paragraph: `${manifest.notYetSealed} later events are not sealed yet and are not in this pack.` }]
            : []),
        ],
      },
      ledgerSection(manifest.origin, input.facts, input.treeSize, input.keyId),
    ],
    footer:
      'The JSON files of this pack are the evidence; this summary renders them. Verify with: attest evidence verify <pack.zip> --key pub.pem',
  };
}

function registrationSection(mv: Record<string, unknown>): DocumentSection {
  return {
    heading: 'Registration',
    blocks: [
      {
        facts: [
          ['Model version', text(mv.id)],
          ['Model', `${text(mv.modelName)} (${text(mv.modelId)})`],
          ['Version', text(mv.version)],
          ['Status now', text(mv.status)],
          ['Risk tier', text(mv.riskTier)],
          ['Framework', text(mv.framework)],
          ['Artifact', text(mv.artifactUri)],
          ['Artifact digest', text(mv.artifactDigest)],
          ['Intended use', text(mv.intendedUse)],
          ['Limitations', text(mv.limitations)],
          ['Registered', `${text(mv.createdAt)} by ${text(mv.createdBy)}`],
        ],
      },
    ],
  };
}

function lifecycleSection(lifecycle: LifecycleRecord): DocumentSection {
  return {
    heading: 'Lifecycle',
    blocks: [
      lifecycle.transitions.length === 0
        ? { paragraph: 'The version never moved from draft.' }
        : {
            table: {
              columns: ['When', 'Move', 'By', 'Rationale'],
              rows: lifecycle.transitions.map((t) => [t.at, `${t.from} to ${t.to}`, t.actorId, t.rationale]),
            },
          },
      lifecycle.approvals.length === 0
        ? { paragraph: 'No approval was recorded.' }
        : {
            table: {
              columns: ['When', 'Round', 'Approver', 'Rationale'],
              rows: lifecycle.approvals.map((a) => [a.createdAt, String(a.reviewRound), a.approverId, a.rationale]),
            },
          },
    ],
  };
}

function gateSection({ gates, policyPacks }: ModelVersionSummaryInput): DocumentSection {
  const heading = 'Gate evaluations';
  if (gates.length === 0) return { heading, blocks: [], gap: 'no policy pack was active at any of its moves: no gate judged them' };
  const nameOf = new Map(policyPacks.map((p) => [p.digest, p.name]));
  return {
    heading,
    blocks: [
      {
        table: {
          columns: ['When', 'Move', 'Pack', 'Effect', 'Matched'],
          rows: gates.map((g) => [
            g.occurredAt,
            `${text(g.from)} to ${text(g.to)}`,
            `${nameOf.get(g.packDigest) ?? '-'} ${g.packDigest}`,
            g.effect,
            g.matched.map((p) => `${p.id} v${p.version} (${p.effect})`).join(', ') || 'none',
          ]),
        },
      },
      {
        paragraph:
          'The gate recorded its verdict, not the facts it judged: the verifier checks each verdict against the sealed audit event and the pack content against its digest; it cannot replay the evaluation.',
      },
    ],
  };
}

function datasetSection(datasetVersions: Record<string, unknown>[]): DocumentSection {
  const heading = 'Training and evaluation data';
  if (datasetVersions.length === 0) return { heading, blocks: [], gap: 'no dataset version is linked to this model version' };
  return {
    heading,
    blocks: [
      {
        table: {
          columns: ['Dataset version', 'Used for', 'Source', 'Digest'],
          rows: datasetVersions.map((v) => [text(v.id), text((v.purposes as string[]).join(', ')), text(v.sourceUri), text(v.digest)]),
        },
      },
    ],
  };
}

import type { InclusionProofFile, LedgerKeyReference, Opening } from '@attest/ledger';

/**
 * The layout of an evidence pack (docs/evidence.md, "Pack layout"): a zip of plain JSON files, the
 * ledger material to check them offline, and a PDF summary for people. A zip rather than one JSON-LD
 * document because the summary is a PDF and the leaves must stay byte for byte as hashed: each
 * file is kept exactly as written, and the manifest names each one's SHA-256.
 */
export const EVIDENCE_PACK_FORMAT = 'attest-evidence-pack/1';

export const PACK_FILES = {
  manifest: 'manifest.json',
  decision: 'decision.json',
  reviews: 'reviews.json',
  policyPack: 'policy-pack.json',
  lineage: 'lineage.json',
  auditEvents: 'audit-events.json',
  checkpoint: 'ledger/checkpoint.json',
  key: 'ledger/key.json',
  facts: 'ledger/facts.json',
  summary: 'summary.pdf',
} as const;

export interface PackManifest {
  format: typeof EVIDENCE_PACK_FORMAT;
  kind: 'decision';
  subject: { type: 'Decision'; id: string };
  /** The tenant's log: the checkpoint must be of it. */
  origin: string;
  generatedAt: string;
  generatedBy: string;
  /** Parts of the decision the exporting role may not read: left out (null), and their openings with them. */
  withheld: string[];
  /** Audit events about the subject written after the checkpoint: not in the pack, since they cannot be proved yet. */
  notYetSealed: number;
  /** SHA-256 (hex) of every other file of the pack. */
  files: Record<string, string>;
}

/** A content field's opening (ledger format 3): the salt and the exact text its commitment hashed. */
export type FieldOpening = Opening;

/** One fact of the pack as the ledger holds it: the leaf, its audit path, and the openings of the fields disclosed. */
export interface PackFact {
  kind: string;
  factId: string;
  index: number;
  leaf: string;
  proof: InclusionProofFile;
  /** Field name → opening, or null where the value is null. Absent: not disclosed (withheld, or a fact before format 3). */
  openings?: Record<string, FieldOpening | null>;
}

export interface ExplanationStepRecord {
  position: number;
  kind: string;
  detail: Record<string, unknown> | null;
}

/** decision.json: the decision as stored, with the evaluation that judged it. */
export interface DecisionRecord {
  id: string;
  automationId: string;
  automationVersionId: string;
  modelVersionId: string;
  status: string;
  confidence: number | null;
  correlationId: string | null;
  input: unknown;
  output: unknown;
  context: Record<string, unknown> | null;
  redactions: unknown[];
  subjectHash: string | null;
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  explanation: ExplanationStepRecord[] | null;
  policy: {
    packDigest: string | null;
    effect: string | null;
    results: unknown[];
    /** The facts the policies saw, less the output and the context (stored beside, as above). */
    facts: Record<string, unknown> | null;
  };
}

export interface ReviewRecord {
  id: string;
  reviewerId: string;
  verdict: string;
  rationale: string;
  correctedOutput: unknown;
  redactions: unknown[];
  createdAt: string;
}

export interface AuditEventRecord {
  id: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  changes: unknown;
  occurredAt: string;
}

export interface PolicyPackRecord {
  digest: string;
  name: string;
  policies: unknown[];
  activations: { id: string; digest: string; activatedBy: string; rationale: string; createdAt: string }[];
}

export type { LedgerKeyReference };

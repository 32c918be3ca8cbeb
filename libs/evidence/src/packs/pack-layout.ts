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
  // A model version's pack (docs/evidence.md, "Model version and audit period packs").
  modelVersion: 'model-version.json',
  lifecycle: 'lifecycle.json',
  gateEvaluations: 'gate-evaluations.json',
  policyPacks: 'policy-packs.json',
  datasetVersions: 'dataset-versions.json',
  decisionCounts: 'decision-counts.json',
  // An audit period's pack.
  period: 'period.json',
  auditEventsCsv: 'audit-events.csv',
} as const;

export const PACK_KINDS = ['decision', 'model_version', 'audit_period'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

export interface PackManifest {
  format: typeof EVIDENCE_PACK_FORMAT;
  kind: PackKind;
  /** A decision, a model version, or for an audit period an automation or the tenant. */
  subject: { type: 'Decision' | 'ModelVersion' | 'Automation' | 'Tenant'; id: string };
  /** An audit period's range, [from, to), ISO 8601. */
  period?: { from: string; to: string };
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

/** lifecycle.json: a version's moves and approvals, each a sealed fact (keys as the facts name them). */
export interface LifecycleRecord {
  transitions: { id: string; subjectId: string; from: string; to: string; actorId: string; rationale: string; at: string }[];
  approvals: { id: string; subjectId: string; reviewRound: number; approverId: string; rationale: string; createdAt: string }[];
}

/** One gate evaluation: the verdict the active pack gave on a lifecycle move, as its audit event holds it. */
export interface GateEvaluationRecord {
  auditEventId: string;
  action: string;
  occurredAt: string;
  from: string | null;
  to: string | null;
  packDigest: string;
  effect: string;
  matched: { id: string; version: number; effect: string }[];
  /** The facts the gate judged, as its sealed audit event records them (null for a verdict recorded without them). */
  facts: Record<string, unknown> | null;
}

/** Counts the server computed: not individually proved, and said so in the pack and by the verifier. */
export interface DecisionCountsRecord {
  total: number;
  byStatus: Record<string, number>;
  reviewed: number;
  overridden: number;
  /** Always the sentence of COUNTS_NOT_PROVED: the counts are the server's word. */
  proof: string;
}

/** period.json: an audit period's figures. */
export interface PeriodRecord {
  scope: { type: 'Automation' | 'Tenant'; id: string; automationKey?: string };
  from: string;
  to: string;
  decisions: DecisionCountsRecord & { reviewRate: number | null; overrideRate: number | null };
  policiesFired: { id: string; effect: string; count: number }[];
  blockedAttempts: { deniedDecisions: number; note: string };
  auditEvents: number;
}

/** A built pack: the zip and what the caller needs to name and audit it. */
export interface BuiltPack {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  manifest: PackManifest;
}

export type { LedgerKeyReference };

import { canonicalJson } from '@attest/core';
import type { DecisionRecord, PackFact } from '../pack-layout';
import type { ReadPack } from './read-pack';
import { PACK_FILES } from '../pack-layout';
import { auditPeriodPackRecords, modelVersionPackRecords } from './pack-records';

/** A sealed fact's body, as its leaf holds it. */
export type SealedFact = Record<string, unknown>;

/** A record of the pack and the fact that must back it. */
export interface BackedRecord {
  /** How the report names it, e.g. `decision.json`, `review 1f…`. */
  label: string;
  kind: string;
  id: string;
  record: Record<string, unknown>;
}

/** Fact keys that are about the leaf, not a claim of the record. */
const NOT_CLAIMS = new Set(['kind', 'format', 'tenantId']);

/** Where a decision fact's key sits in decision.json when it is not at the same name. */
const DECISION_PATHS: Record<string, (r: DecisionRecord) => unknown> = {
  policyPackDigest: (r) => r.policy.packDigest,
  policyEffect: (r) => r.policy.effect,
  policyResults: (r) => r.policy.results,
  policyFacts: (r) => r.policy.facts,
  // The ledger aggregates the steps: a decision without any has a null explanation, not an empty list.
  explanation: (r) => (r.explanation?.length ? r.explanation.map((s) => ({ kind: s.kind, detail: s.detail })) : null),
};

/** A value that commits to content rather than holding it: checked through its opening, never compared. */
export function isCommitment(value: unknown): value is string {
  return typeof value === 'string' && /^(hmac-sha256|sha256-salted|sha256):[0-9a-f]{64}$/.test(value);
}

/**
 * Whether a sealed value commits to the record's content rather than stating it. A registered digest
 * (`sha256:…` of a dataset or an artifact) is a value like any other: the record states the same text.
 */
export function isContentCommitment(sealed: unknown, claimed: unknown): sealed is string {
  return isCommitment(sealed) && claimed !== sealed;
}

/** The value a record gives for a fact's key (undefined when the record does not speak of it). */
export function claimOf(item: BackedRecord, key: string): unknown {
  if (item.kind === 'decision' && key in DECISION_PATHS) return DECISION_PATHS[key](item.record as unknown as DecisionRecord);
  return item.record[key];
}

/** Every record of the pack that a sealed fact must back, with its kind and id. */
export function backedRecords(pack: ReadPack): BackedRecord[] {
  switch (pack.manifest.kind) {
    case 'decision':
      return decisionPackRecords(pack);
    case 'model_version':
      return modelVersionPackRecords(pack);
    case 'audit_period':
      return auditPeriodPackRecords(pack);
  }
}

function decisionPackRecords(pack: ReadPack): BackedRecord[] {
  const decision = pack.json(PACK_FILES.decision) as DecisionRecord & Record<string, unknown>;
  const list = (path: string) => (Array.isArray(pack.json(path)) ? (pack.json(path) as Record<string, unknown>[]) : []);
  const lineage = (pack.json(PACK_FILES.lineage) ?? {}) as Record<string, unknown>;
  const policyPack = pack.json(PACK_FILES.policyPack) as { activations?: Record<string, unknown>[] } | null;
  const of = (label: string, kind: string) => (record: Record<string, unknown>) => ({
    label: `${label} ${String(record.id)}`,
    kind,
    id: String(record.id),
    record,
  });
  return [
    { label: PACK_FILES.decision, kind: 'decision', id: String(decision.id), record: decision },
    ...list(PACK_FILES.reviews).map(of('review', 'decision_review')),
    ...list(PACK_FILES.auditEvents).map(of('audit event', 'audit_event')),
    ...(lineage.automationVersion
      ? [of('automation version', 'automation_version')(lineage.automationVersion as Record<string, unknown>)]
      : []),
    ...(lineage.modelVersion ? [of('model version', 'model_version')(lineage.modelVersion as Record<string, unknown>)] : []),
    ...((lineage.datasetVersions as Record<string, unknown>[] | undefined) ?? []).map(of('dataset version', 'dataset_version')),
    ...(policyPack?.activations ?? []).map(of('pack activation', 'policy_pack_activation')),
  ];
}

/** The fact body of a pack fact's leaf (the leaf was hashed as is; parsing it changes nothing checked). */
export function sealedFact(fact: PackFact): SealedFact | null {
  try {
    const parsed = JSON.parse(fact.leaf) as { fact?: unknown };
    return typeof parsed.fact === 'object' && parsed.fact !== null ? (parsed.fact as SealedFact) : null;
  } catch {
    return null;
  }
}

/** Where a record and its sealed fact disagree, in words; empty when they agree on every claim the fact makes. */
export function claimProblems(item: BackedRecord, fact: SealedFact): string[] {
  const problems: string[] = [];
  for (const [key, sealed] of Object.entries(fact)) {
    if (NOT_CLAIMS.has(key)) continue;
    const claimed = claimOf(item, key);
    if (claimed === undefined || isContentCommitment(sealed, claimed)) continue;
    if (!sameValue(key, sealed, claimed)) {
      problems.push(`${item.label}: ${key} is ${short(claimed)} in the pack but ${short(sealed)} in the sealed fact`);
    }
  }
  return problems;
}

/** Equal as JSON; times (`…At`, a transition's `at`) equal as instants to the millisecond (the ledger writes microseconds). */
export function sameValue(key: string, a: unknown, b: unknown): boolean {
  if ((key.endsWith('At') || key === 'at') && typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    return !Number.isNaN(x) && x === y;
  }
  return canonicalJson(a) === canonicalJson(b);
}

function short(value: unknown): string {
  const text = canonicalJson(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

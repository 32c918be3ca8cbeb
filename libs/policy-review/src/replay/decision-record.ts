import type { Effect } from '@attest/policy';
import type { GateFacts } from '@attest/registry';

/**
 * One recorded decision as the replay reads it: one JSON object per line of a `.jsonl` export
 * (`attest policy decisions`), or a page of the API. `facts` are what the policies judged when it
 * was recorded (redacted as stored); null when no pack was active then, so it cannot be replayed.
 */
export interface DecisionRecord {
  kind?: 'decision';
  id: string;
  automationKey: string;
  recordedAt: string;
  /** What the active pack decided then. */
  recorded: { packDigest: string; effect: Effect; matched: string[] } | null;
  facts: Record<string, unknown> | null;
  /** Facts the exporting key's role may not read, given as null (e.g. an auditor's: decision.output, context). */
  withheld?: string[];
}

/**
 * A model or automation version in a gated status (in_review, approved, deployed), with the facts
 * of the transition into it (the API's lifecycleGateFacts): replayed to show which versions a
 * changed gate would now refuse.
 */
export type GateRecord = { kind: 'gate' } & GateFacts;

/** A line of an export: a decision, or (`"kind": "gate"`) a version's lifecycle gate. */
export type ReplayRecord = DecisionRecord | GateRecord;

export class DecisionRecordError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'DecisionRecordError';
  }
}

/** Parses one line of an export; a line that is neither a decision nor a gate record throws with its number. */
export function parseDecisionRecord(text: string, line: number): ReplayRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DecisionRecordError(line, 'not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DecisionRecordError(line, 'not a JSON object');
  return (value as { kind?: unknown }).kind === 'gate' ? gateRecord(value, line) : decisionRecord(value, line);
}

function decisionRecord(r: Partial<DecisionRecord>, line: number): DecisionRecord {
  if (typeof r.id !== 'string' || typeof r.automationKey !== 'string' || typeof r.recordedAt !== 'string') {
    throw new DecisionRecordError(line, 'a decision record needs id, automationKey and recordedAt');
  }
  if (r.facts !== null && (typeof r.facts !== 'object' || Array.isArray(r.facts)))
    throw new DecisionRecordError(line, 'facts must be an object or null');
  const withheld = Array.isArray(r.withheld) ? r.withheld.filter((w): w is string => typeof w === 'string') : [];
  return {
    kind: 'decision',
    id: r.id,
    automationKey: r.automationKey,
    recordedAt: r.recordedAt,
    recorded: r.recorded ?? null,
    facts: r.facts ?? null,
    withheld,
  };
}

const GATE_SUBJECTS = { ModelVersion: 'model.transition', AutomationVersion: 'automation.transition' } as const;

function gateRecord(r: Partial<GateRecord>, line: number): GateRecord {
  const appliesTo = r.subjectType ? GATE_SUBJECTS[r.subjectType] : undefined;
  if (!appliesTo || r.appliesTo !== appliesTo)
    throw new DecisionRecordError(
      line,
      'a gate record needs subjectType ModelVersion (appliesTo model.transition) or AutomationVersion (automation.transition)',
    );
  if (typeof r.id !== 'string' || typeof r.label !== 'string' || typeof r.status !== 'string')
    throw new DecisionRecordError(line, 'a gate record needs id, label and status');
  if (!r.facts || typeof r.facts !== 'object' || Array.isArray(r.facts))
    throw new DecisionRecordError(line, 'a gate record needs facts (an object)');
  return { kind: 'gate', subjectType: r.subjectType!, id: r.id, label: r.label, status: r.status, appliesTo, facts: r.facts };
}

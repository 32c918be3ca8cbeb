import type { Effect } from '@attest/policy';

/**
 * One recorded decision as the replay reads it: one JSON object per line of a `.jsonl` export
 * (`attest policy decisions`), or a page of the API. `facts` are what the policies judged when it
 * was recorded (redacted as stored); null when no pack was active then, so it cannot be replayed.
 */
export interface DecisionRecord {
  id: string;
  automationKey: string;
  recordedAt: string;
  /** What the active pack decided then. */
  recorded: { packDigest: string; effect: Effect; matched: string[] } | null;
  facts: Record<string, unknown> | null;
}

export class DecisionRecordError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'DecisionRecordError';
  }
}

/** Parses one line of an export; a line that is not a decision record throws with its number. */
export function parseDecisionRecord(text: string, line: number): DecisionRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DecisionRecordError(line, 'not JSON');
  }
  const r = value as Partial<DecisionRecord> | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || typeof r.automationKey !== 'string' || typeof r.recordedAt !== 'string') {
    throw new DecisionRecordError(line, 'a decision record needs id, automationKey and recordedAt');
  }
  if (r.facts !== null && (typeof r.facts !== 'object' || Array.isArray(r.facts))) throw new DecisionRecordError(line, 'facts must be an object or null');
  return { id: r.id, automationKey: r.automationKey, recordedAt: r.recordedAt, recorded: r.recorded ?? null, facts: r.facts ?? null };
}

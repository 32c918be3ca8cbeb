import { openingValue, verifyOpening } from '@attest/ledger';
import type { FieldOpening } from '../pack-layout';
import { claimOf, isContentCommitment, sameValue, type BackedRecord, type SealedFact } from './fact-claims';

export interface OpeningsOutcome {
  problems: string[];
  /** Content the pack gives that its fact commits to without an opening (facts before format 3): unproved, said so. */
  unbound: string[];
  opened: number;
}

/**
 * Each disclosed field of a fact checked against its commitment, and the value it opens to against
 * what the pack's record says. A content field the record gives without an opening is unbound:
 * a failure when the fact could have been opened (format 3), a note for older facts.
 */
export function checkOpenings(
  item: BackedRecord,
  fact: SealedFact,
  openings: Record<string, FieldOpening | null> | undefined,
): OpeningsOutcome {
  const outcome: OpeningsOutcome = { problems: [], unbound: [], opened: 0 };
  const openable = fact.format === 3;
  for (const [field, commitment] of Object.entries(fact)) {
    const claimed = claimOf(item, field);
    if (!isContentCommitment(commitment, claimed) && !(commitment === null && openings && field in openings)) continue;
    const opening = openings?.[field];
    if (opening === undefined) {
      if (claimed === undefined || claimed === null) continue;
      if (openable)
        outcome.problems.push(`${item.label}: ${field} is given without the opening of its sealed commitment: it cannot be checked`);
      else outcome.unbound.push(`${item.label}: ${field}`);
      continue;
    }
    if (opening === null) {
      if (commitment !== null) outcome.problems.push(`${item.label}: ${field} is committed to in the sealed fact but opened as null`);
      continue;
    }
    if (typeof commitment !== 'string' || !verifyOpening(commitment, opening)) {
      outcome.problems.push(
        `${item.label}: the opening of ${field} does not match the sealed commitment: the content or its opening was changed`,
      );
      continue;
    }
    let value: unknown;
    try {
      value = openingValue(opening);
    } catch {
      outcome.problems.push(`${item.label}: the opening of ${field} is not JSON`);
      continue;
    }
    if (claimed !== undefined && !sameValue(field, value, claimed)) {
      outcome.problems.push(`${item.label}: ${field} in the pack is not what the sealed fact commits to`);
      continue;
    }
    outcome.opened += 1;
  }
  return outcome;
}

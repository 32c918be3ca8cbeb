import { createHash } from 'node:crypto';

/** How a format-3 fact commits to a field: SHA-256 of the field's salt and its value's jsonb text. */
export const SALTED_COMMITMENT = 'sha256-salted:';

const COMMITMENT = /^sha256-salted:[0-9a-f]{64}$/;
const SALT = /^[0-9a-f]{64}$/;

/** What opens one committed field of a fact: its salt (hex) and the value's text exactly as hashed. */
export interface Opening {
  salt: string;
  text: string;
}

/** A fact's openings by field; a field whose value is NULL (committed to as null) has none. */
export type FactOpenings = Record<string, Opening | null>;

/**
 * Whether a commitment can be opened at all: a salted one (format 3). A keyed digest
 * (`hmac-sha256:`, format 2) or a plain one (`sha256:`, format 1) cannot, by anyone without the
 * tenant's key or a guess.
 */
export function isOpenable(commitment: unknown): commitment is string {
  return typeof commitment === 'string' && COMMITMENT.test(commitment);
}

/**
 * Whether an opening opens a commitment: SHA-256(salt ‖ UTF-8 of the text) is the committed digest.
 * Pure, offline: all an auditor needs is the leaf (from its inclusion proof) and the opening.
 */
export function verifyOpening(commitment: string, opening: Opening): boolean {
  if (!isOpenable(commitment) || typeof opening?.salt !== 'string' || typeof opening.text !== 'string' || !SALT.test(opening.salt)) {
    return false;
  }
  const digest = createHash('sha256').update(Buffer.from(opening.salt, 'hex')).update(opening.text, 'utf8').digest('hex');
  return commitment === SALTED_COMMITMENT + digest;
}

/** The value an opening discloses (its text is JSON, as PostgreSQL printed the jsonb). */
export function openingValue(opening: Opening): unknown {
  return JSON.parse(opening.text);
}

/**
 * The fields whose given opening does not open the fact's commitment: a wrong salt or text, an
 * opening for a field the fact does not commit to by salt, or null for a field that is not null.
 * Empty when every opening given opens its field (openings left out disclose nothing, and are no error).
 */
export function unopenedFields(fact: Record<string, unknown>, openings: FactOpenings): string[] {
  return Object.entries(openings)
    .filter(([field, opening]) => {
      const commitment = fact[field];
      if (opening === null) return commitment !== null;
      return !verifyOpening(commitment as string, opening);
    })
    .map(([field]) => field);
}

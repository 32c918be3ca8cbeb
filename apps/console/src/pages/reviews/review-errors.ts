import type { CombinedError } from 'urql';
import { deniedPolicies, describeError, type DeniedPolicy } from '../../api/errors';

/**
 * Why the API refused a claim or a verdict, sorted for the page to say it in words (docs/api.md §10):
 * someone else holds the item (CONFLICT with holderId), someone reviewed it first (CONFLICT with
 * reviewId), a policy denied the corrected output (POLICY_DENIED), separation of duties (FORBIDDEN).
 */
export type ReviewRefusal =
  | { kind: 'held'; holderId: string; expiresAt: string | null; message: string; code: string }
  | { kind: 'reviewed'; message: string; code: string }
  | { kind: 'policy'; policies: DeniedPolicy[]; message: string; code: string }
  | { kind: 'duties'; message: string; code: string }
  | { kind: 'other'; message: string; code: string };

export function reviewRefusalOf(error: CombinedError): ReviewRefusal {
  const { message, code } = describeError(error);
  const extensions = error.graphQLErrors[0]?.extensions ?? {};
  if (code === 'CONFLICT' && typeof extensions.holderId === 'string') {
    const expiresAt = typeof extensions.expiresAt === 'string' ? extensions.expiresAt : null;
    return { kind: 'held', holderId: extensions.holderId, expiresAt, message, code };
  }
  if (code === 'CONFLICT' && typeof extensions.reviewId === 'string') return { kind: 'reviewed', message, code };
  if (code === 'POLICY_DENIED') return { kind: 'policy', policies: deniedPolicies(error), message, code };
  if (code === 'FORBIDDEN') return { kind: 'duties', message, code };
  return { kind: 'other', message, code };
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

/** "10:42 UTC": when a claim lapses, in the reader's zone (a claim lasts minutes, the day goes without saying). */
export function clockTime(iso: string): string {
  return clock.format(new Date(iso));
}

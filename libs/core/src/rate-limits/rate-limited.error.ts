import { AttestError } from '../errors/attest-error';
import { ErrorCode } from '../errors/error-code';

/** The budgets of docs/security.md ("Limits"): each counted per principal, `health` and `signIn` per client IP. */
export type RateBudget = 'requests' | 'cost' | 'openLineage' | 'exports' | 'health' | 'signIn';

/**
 * A request refused by a rate limit (HTTP 429), or because the limits could not be checked (HTTP
 * 503, the limiter's store is down): `RATE_LIMITED` either way, with the seconds to wait in
 * `retryAfterSeconds` and the `Retry-After` header.
 */
export class RateLimitedError extends AttestError {
  constructor(
    message: string,
    readonly budget: RateBudget,
    readonly retryAfterSeconds: number,
    readonly httpStatus: 429 | 503 = 429,
  ) {
    super(ErrorCode.RATE_LIMITED, message, { budget, retryAfterSeconds });
    this.name = 'RateLimitedError';
  }
}

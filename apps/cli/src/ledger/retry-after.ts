/** Longest the CLI waits out rate limits over one command, in all: past it, it gives up (exit 2). */
export const MAX_TOTAL_WAIT_SECONDS = 600;
/** Wait when a 429 carries no usable Retry-After: doubled on each refusal in a row, from here. */
const FIRST_BACKOFF_SECONDS = 1;

/**
 * Seconds a Retry-After header asks for (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), or null
 * when it is missing or says neither. A date in the past asks for no wait.
 */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (!/[a-z]/i.test(value) || Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * How the CLI answers a server that says "too many requests" (429, or 503 with Retry-After): it
 * waits as asked and tries again, within one budget per command, so a long export or a policy
 * replay finishes under the server's limits instead of failing half-way. It never waits less than
 * asked (that would only spend the budget sooner) and never past the budget: then it gives up.
 */
export class RateLimitPatience {
  private waitedSeconds = 0;
  private refusalsInARow = 0;

  constructor(private readonly maxTotalSeconds: number = MAX_TOTAL_WAIT_SECONDS) {}

  /** Seconds to wait before the next try, or null to give up. */
  nextWait(retryAfter: number | null): number | null {
    const wait = retryAfter ?? FIRST_BACKOFF_SECONDS * 2 ** this.refusalsInARow;
    this.refusalsInARow++;
    if (this.waitedSeconds + wait > this.maxTotalSeconds) return null;
    this.waitedSeconds += wait;
    return wait;
  }

  /** An answer got through: the next refusal starts its backoff afresh. */
  answered(): void {
    this.refusalsInARow = 0;
  }

  get totalWaitedSeconds(): number {
    return this.waitedSeconds;
  }
}

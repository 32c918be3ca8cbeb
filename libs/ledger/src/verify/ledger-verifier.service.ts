import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, AttestError, TenantDb, type AttestConfig } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { CheckpointTrust } from '../checkpoint/open-checkpoint';
import { LedgerKeys } from '../keys/ledger-keys';
import { MAX_VERIFY_RANGE, type VerifyLedgerArgs } from '../api/dto/verify-ledger.args';
import type { LedgerVerificationModel } from '../api/models/ledger-verification.model';
import { RangeVerification } from './range-verification';
import { headsWithin, heldHeads } from './signed-heads';
import { isStatementTimeout, limitStatements, lockVerification, timedOut } from './verification-limits';
import { leavesIn, resolveRange } from './verification-range';

/**
 * verifyLedger: recomputes a range of the tenant's log from what is stored now and reports the
 * first divergence. For each position in order: the leaf is there (none deleted), its hash is the
 * stored level-0 node (the leaf was not edited or moved: its bytes name its position), its fact
 * still exists and equals the row it was written from (the decision, the audit event… was not
 * edited). Along the way the head of every checkpointed size is recomputed from the leaves and
 * compared with the signed one, each checkpoint's signature and origin checked; so are the
 * checkpoints the auditor brings, which catches a log cut back below them. Leaves sealed beyond
 * the last checkpoint cannot come from the sequencer (it seals and signs in one transaction).
 *
 * It is the API's longest computation, so it is bounded: at most MAX_VERIFY_RANGE leaves (a longer
 * range is a job: startLedgerVerification), one per request (ONE_PER_OPERATION on the resolver),
 * one at a time per tenant (a transaction advisory lock; another is CONFLICT, not a queue holding
 * connections), and ATTEST_LEDGER_VERIFY_TIMEOUT_MS per call (each statement and the whole).
 */
@Injectable()
export class LedgerVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: LedgerKeys,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  /** The log's key and this tenant's origin: what every checkpoint, stored or held, must be signed with and name. */
  trustFor(tenantId: string): CheckpointTrust {
    return { publicKey: this.keys.publicKey, keyName: this.keys.name, origin: this.keys.originOf(tenantId) };
  }

  verify(actor: AuthenticatedPrincipal, args: VerifyLedgerArgs): Promise<LedgerVerificationModel> {
    if (args.toIndex !== undefined) refuseLongRange({ fromIndex: args.fromIndex, toIndex: args.toIndex });
    const trust = this.trustFor(actor.tenantId);
    const held = heldHeads(args.checkpoints ?? [], trust);
    const timeoutMs = this.config.ledger.verifyTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    return this.db
      .transaction(actor.tenantId, async (m) => {
        await limitStatements(m, timeoutMs);
        if (!(await lockVerification(m, actor.tenantId, false)))
          throw AttestError.conflict("A verification of this tenant's ledger is running: try again when it has finished");
        const range = await resolveRange(m, held, args.fromIndex, args.toIndex);
        if (!range) return { ok: true, fromIndex: 0, toIndex: -1, leavesChecked: 0, checkpointsChecked: 0, firstDivergence: null };
        refuseLongRange(range);
        const run = await RangeVerification.start(m, range.fromIndex, range.toIndex);
        if (!(run instanceof RangeVerification)) return { ...emptyOutcome(range), ok: false, firstDivergence: run };
        const heads = await headsWithin(m, trust, held, range.fromIndex, range.toIndex);
        const divergence =
          (await run.checkThrough(m, range.toIndex, heads, () => {
            if (Date.now() > deadline) throw timedOut(timeoutMs);
          })) ?? (await run.finish(m));
        return run.outcome(divergence);
      })
      .catch((error: unknown) => {
        throw isStatementTimeout(error) ? timedOut(timeoutMs) : error;
      });
  }
}

function refuseLongRange(range: { fromIndex: number; toIndex: number }): void {
  if (leavesIn(range) > MAX_VERIFY_RANGE) {
    throw AttestError.validation(
      `verifyLedger checks at most ${MAX_VERIFY_RANGE.toLocaleString('en')} leaves: verify a longer range with startLedgerVerification, a background job with progress`,
      { field: 'toIndex', maxLeaves: MAX_VERIFY_RANGE },
    );
  }
}

/** The answer before any leaf was checked. */
export const emptyOutcome = (range: { fromIndex: number; toIndex: number }): LedgerVerificationModel => ({
  ok: true,
  fromIndex: range.fromIndex,
  toIndex: range.toIndex,
  leavesChecked: 0,
  checkpointsChecked: 0,
  firstDivergence: null,
});

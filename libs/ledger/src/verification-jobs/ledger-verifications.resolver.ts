import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { VerifyLedgerArgs } from '../api/dto/verify-ledger.args';
import { LedgerVerificationJobConnection, LedgerVerificationJobModel } from './models/ledger-verification-job.model';
import { LedgerVerifications } from './ledger-verifications.service';

/** Verification of long ranges of the log as background jobs (docs/ledger.md, "Verifying"): whoever may verify the ledger may start and read them. */
@Resolver(() => LedgerVerificationJobModel)
export class LedgerVerificationsResolver {
  constructor(private readonly verifications: LedgerVerifications) {}

  @Mutation(() => LedgerVerificationJobModel, {
    description:
      'Verifies a range of the log of any length as a background job, a slice at a time: poll ledgerVerification(id) for progress and the result (one queued or running per tenant)',
  })
  @Can('read', 'Ledger')
  startLedgerVerification(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: VerifyLedgerArgs) {
    return this.verifications.start(actor, args);
  }

  @Query(() => LedgerVerificationJobModel, { description: "A verification job's progress, and its result once finished" })
  @Can('read', 'Ledger')
  ledgerVerification(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The job's id, as startLedgerVerification returned it" }) id: string,
  ) {
    return this.verifications.get(actor, id);
  }

  @Query(() => LedgerVerificationJobConnection, {
    description: 'Ledger verification jobs of the tenant, newest first, with their progress and results',
    complexity: pageCost,
  })
  @Can('read', 'Ledger')
  ledgerVerifications(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: PageArgs) {
    return this.verifications.list(actor, args);
  }
}

import { ResolveField, Resolver } from '@nestjs/graphql';
import { ComplianceOverviewModel } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerVerificationJobModel } from '../verification-jobs/models/ledger-verification-job.model';
import { LedgerVerifications } from '../verification-jobs/ledger-verifications.service';
import { LedgerReads } from './ledger-reads.service';
import { LedgerCheckpointModel } from './models/ledger-checkpoint.model';

/** The ledger's part of the compliance overview. */
@Resolver(() => ComplianceOverviewModel)
export class LedgerOverviewResolver {
  constructor(
    private readonly reads: LedgerReads,
    private readonly verifications: LedgerVerifications,
  ) {}

  @ResolveField(() => LedgerCheckpointModel, {
    nullable: true,
    description: 'The latest signed checkpoint: tree size, time and the signed note; null before the first',
  })
  @Can('read', 'Ledger')
  latestCheckpoint(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.reads.checkpoint(actor);
  }

  @ResolveField(() => LedgerVerificationJobModel, {
    nullable: true,
    description: 'The most recent verification job (startLedgerVerification) with its status and result; null when none was run',
  })
  @Can('read', 'Ledger')
  async lastVerification(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return (await this.verifications.list(actor, { first: 1 })).edges[0]?.node ?? null;
  }
}

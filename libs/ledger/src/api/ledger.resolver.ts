import { Args, Extensions, Query, Resolver } from '@nestjs/graphql';
import { ONE_PER_OPERATION, pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerVerifier } from '../verify/ledger-verifier.service';
import { verifyLedgerCost } from '../verify/verify-cost';
import { LedgerReads } from './ledger-reads.service';
import { LedgerCheckpointArgs } from './dto/ledger-checkpoint.args';
import { LedgerConsistencyProofArgs } from './dto/ledger-consistency-proof.args';
import { LedgerEntriesArgs } from './dto/ledger-entries.args';
import { LedgerInclusionProofArgs } from './dto/ledger-inclusion-proof.args';
import { VerifyLedgerArgs } from './dto/verify-ledger.args';
import { LedgerCheckpointModel } from './models/ledger-checkpoint.model';
import { LedgerConsistencyProofModel } from './models/ledger-consistency-proof.model';
import { LedgerEntryConnection } from './models/ledger-entry.model';
import { LedgerInclusionProofModel } from './models/ledger-inclusion-proof.model';
import { LedgerStatusModel } from './models/ledger-status.model';
import { LedgerVerificationModel } from './models/ledger-verification.model';

/** The tenant's verifiable ledger (docs/ledger.md): checkpoints, proofs, entries, verification. */
@Resolver()
export class LedgerResolver {
  constructor(
    private readonly reads: LedgerReads,
    private readonly verifier: LedgerVerifier,
  ) {}

  @Query(() => LedgerCheckpointModel, {
    nullable: true,
    description: 'The latest signed checkpoint, or the one of a given size; null before the first',
  })
  @Can('read', 'Ledger')
  ledgerCheckpoint(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LedgerCheckpointArgs) {
    return this.reads.checkpoint(actor, args.treeSize);
  }

  @Query(() => LedgerInclusionProofModel, {
    description: 'That a leaf (by index, or by the id of its fact) is in the tree of a checkpoint',
  })
  @Can('read', 'Ledger')
  ledgerInclusionProof(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LedgerInclusionProofArgs) {
    return this.reads.inclusionProof(actor, args);
  }

  @Query(() => LedgerConsistencyProofModel, { description: 'That the tree of a checkpoint extends the tree of an older one' })
  @Can('read', 'Ledger')
  ledgerConsistencyProof(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LedgerConsistencyProofArgs) {
    return this.reads.consistencyProof(actor, args);
  }

  @Query(() => LedgerEntryConnection, { description: 'Leaves in write order, sealed or not', complexity: pageCost })
  @Can('read', 'Ledger')
  ledgerEntries(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LedgerEntriesArgs) {
    return this.reads.entries(actor, args);
  }

  @Query(() => LedgerStatusModel, { description: 'Size, latest checkpoint, and the leaves waiting to be sealed' })
  @Can('read', 'Ledger')
  ledgerStatus(@CurrentPrincipal() actor: AuthenticatedPrincipal) {
    return this.reads.status(actor);
  }

  @Query(() => LedgerVerificationModel, {
    description: 'Recomputes leaves, facts and signed heads over a range of the log and names the first divergence',
    complexity: verifyLedgerCost,
  })
  @Can('read', 'Ledger')
  @Extensions(ONE_PER_OPERATION)
  verifyLedger(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: VerifyLedgerArgs) {
    return this.verifier.verify(actor, args);
  }
}

import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { LedgerOverviewResolver } from './api/ledger-overview.resolver';
import { LedgerReads } from './api/ledger-reads.service';
import { LedgerFactProofs } from './api/fact-proofs.service';
import { LedgerSeals } from './api/ledger-seals.service';
import { LedgerOpenings } from './openings/ledger-openings.service';
import { LedgerResolver } from './api/ledger.resolver';
import { LedgerKeyController } from './keys/ledger-key.controller';
import { LedgerKeys } from './keys/ledger-keys';
import { SequencerRunner } from './sequencer/sequencer.runner';
import { Sequencer } from './sequencer/sequencer.service';
import { LedgerVerificationHandler } from './verification-jobs/ledger-verification.handler';
import { LedgerVerificationSweeper } from './verification-jobs/ledger-verification.sweeper';
import { LedgerVerifications } from './verification-jobs/ledger-verifications.service';
import { LedgerVerificationsResolver } from './verification-jobs/ledger-verifications.resolver';
import { LedgerVerifier } from './verify/ledger-verifier.service';

/** Every resolver of the ledger context, also for building the schema without a server. */
export const LEDGER_RESOLVERS = [LedgerResolver, LedgerVerificationsResolver, LedgerOverviewResolver];

/**
 * The verifiable ledger: leaves are written by the database with every fact (migrations), the
 * sequencer seals them where job handlers run (it needs JobsModule, global, in the composition
 * root), and the API serves checkpoints, proofs, entries and verification (long ranges as a job,
 * run where job handlers run), and the log's key.
 */
@Module({
  imports: [IdentityModule],
  controllers: [LedgerKeyController],
  providers: [
    LedgerKeys,
    Sequencer,
    SequencerRunner,
    LedgerReads,
    LedgerSeals,
    LedgerFactProofs,
    LedgerOpenings,
    LedgerVerifier,
    LedgerVerifications,
    LedgerVerificationHandler,
    LedgerVerificationSweeper,
    ...LEDGER_RESOLVERS,
  ],
  exports: [LedgerKeys, Sequencer, SequencerRunner, LedgerSeals, LedgerFactProofs, LedgerOpenings],
})
export class LedgerModule {}

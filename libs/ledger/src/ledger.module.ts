import { Module } from '@nestjs/common';
import { LedgerKeyController } from './keys/ledger-key.controller';
import { LedgerKeys } from './keys/ledger-keys';

/** The verifiable ledger. Today: the log's key, served at /.well-known/attest/ledger-key. */
@Module({
  controllers: [LedgerKeyController],
  providers: [LedgerKeys],
  exports: [LedgerKeys],
})
export class LedgerModule {}

import { Controller, Get } from '@nestjs/common';
import { Public } from '@attest/identity';
import { keyId } from '../checkpoint/signed-note';
import { LedgerKeys } from './ledger-keys';

/** The log's public key, for anyone verifying its checkpoints (offline: `attest ledger verify --key`). */
@Controller('.well-known/attest')
export class LedgerKeyController {
  constructor(private readonly keys: LedgerKeys) {}

  @Get('ledger-key')
  @Public()
  key() {
    return {
      name: this.keys.name,
      algorithm: 'Ed25519',
      keyId: keyId(this.keys.name, this.keys.publicKey).toString('hex'),
      publicKeyPem: this.keys.publicKey.export({ type: 'spki', format: 'pem' }),
      verifierKey: this.keys.verifierKey,
      originFormat: `${this.keys.name}/<tenant id>`,
    };
  }
}

import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';

/** Every resolver of the evidence context, also for building the schema without a server. */
export const EVIDENCE_RESOLVERS = [];

/**
 * Evidence for people outside Attest (docs/evidence.md): evidence packs verifiable offline, technical
 * documentation (EU AI Act Annex IV, model cards) and explanations for the people decided about. It is
 * downstream of every context it documents and owns only the documents it generates.
 */
@Module({
  imports: [IdentityModule],
  providers: [...EVIDENCE_RESOLVERS],
  exports: [],
})
export class EvidenceModule {}

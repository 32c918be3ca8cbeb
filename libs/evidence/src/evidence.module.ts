import { Module } from '@nestjs/common';
import { DecisionsModule } from '@attest/decisions';
import { IdentityModule } from '@attest/identity';
import { RegistryModule } from '@attest/registry';
import { SubjectExplanationResolver } from './subjects/subject-explanation.resolver';
import { SubjectExplanationService } from './subjects/subject-explanation.service';

/** Every resolver of the evidence context, also for building the schema without a server. */
export const EVIDENCE_RESOLVERS = [SubjectExplanationResolver];

/**
 * Evidence for people outside Attest (docs/evidence.md): evidence packs verifiable offline, technical
 * documentation (EU AI Act Annex IV, model cards) and explanations for the people decided about. It is
 * downstream of every context it documents and owns only the documents it generates. Needs
 * PolicyPacksModule (global) in the composition root.
 */
@Module({
  imports: [IdentityModule, RegistryModule, DecisionsModule],
  providers: [SubjectExplanationService, ...EVIDENCE_RESOLVERS],
  exports: [],
})
export class EvidenceModule {}

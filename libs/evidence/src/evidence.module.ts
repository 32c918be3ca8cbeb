import { Module } from '@nestjs/common';
import { AuditModule } from '@attest/audit';
import { DecisionsModule } from '@attest/decisions';
import { IdentityModule } from '@attest/identity';
import { LedgerModule } from '@attest/ledger';
import { LineageModule } from '@attest/lineage';
import { PolicyPacksModule } from '@attest/policy';
import { RegistryModule } from '@attest/registry';
import { DecisionPackService } from './packs/decision/decision-pack.service';
import { DecisionEvidenceController } from './packs/decision-evidence.controller';
import { DecisionEvidenceResolver } from './packs/decision-evidence.resolver';

/** Every resolver of the evidence context, also for building the schema without a server. */
export const EVIDENCE_RESOLVERS = [DecisionEvidenceResolver];

/**
 * Evidence for people outside Attest (docs/evidence.md): evidence packs verifiable offline, technical
 * documentation (EU AI Act Annex IV, model cards) and explanations for the people decided about. It is
 * downstream of every context it documents and owns only the documents it generates.
 */
@Module({
  imports: [IdentityModule, AuditModule, DecisionsModule, LedgerModule, LineageModule, PolicyPacksModule, RegistryModule],
  controllers: [DecisionEvidenceController],
  providers: [DecisionPackService, ...EVIDENCE_RESOLVERS],
  exports: [],
})
export class EvidenceModule {}

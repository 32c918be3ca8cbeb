import { Module } from '@nestjs/common';
import { AuditModule } from '@attest/audit';
import { DecisionsModule } from '@attest/decisions';
import { IdentityModule } from '@attest/identity';
import { LedgerModule } from '@attest/ledger';
import { LineageModule } from '@attest/lineage';
import { MonitoringModule } from '@attest/monitoring';
import { PolicyPacksModule } from '@attest/policy';
import { RegistryModule } from '@attest/registry';
import { DocumentationFacts } from './documentation/documentation-facts.service';
import { TechnicalDocumentationController } from './documentation/technical-documentation.controller';
import { TechnicalDocumentationResolver } from './documentation/technical-documentation.resolver';
import { TechnicalDocumentation } from './documentation/technical-documentation.service';
import { EvidenceDocumentStore } from './files/evidence-document-store.service';
import { EvidenceDocumentsResolver } from './files/evidence-documents.resolver';
import { DecisionPackService } from './packs/decision/decision-pack.service';
import { DecisionEvidenceController } from './packs/decision-evidence.controller';
import { DecisionEvidenceResolver } from './packs/decision-evidence.resolver';
import { SubjectExplanationResolver } from './subjects/subject-explanation.resolver';
import { SubjectExplanationService } from './subjects/subject-explanation.service';
import { AuditPeriodPackService } from './packs/audit-period/audit-period-pack.service';
import { EvidencePacksController } from './packs/evidence-packs.controller';
import { EvidencePacksResolver } from './packs/evidence-packs.resolver';
import { ModelVersionPackService } from './packs/model-version/model-version-pack.service';
import { PackAssembly } from './packs/pack-assembly';

/** Every resolver of the evidence context, also for building the schema without a server. */
export const EVIDENCE_RESOLVERS = [
  EvidenceDocumentsResolver,
  TechnicalDocumentationResolver,
  SubjectExplanationResolver,
  DecisionEvidenceResolver,
  EvidencePacksResolver,
];

/**
 * Evidence for people outside Attest (docs/evidence.md): evidence packs verifiable offline, technical
 * documentation (EU AI Act Annex IV, model cards) and explanations for the people decided about. It is
 * downstream of every context it documents and owns only the documents it generates.
 */
@Module({
  imports: [IdentityModule, AuditModule, RegistryModule, PolicyPacksModule, MonitoringModule, DecisionsModule, LedgerModule, LineageModule],
  controllers: [TechnicalDocumentationController, DecisionEvidenceController, EvidencePacksController],
  providers: [
    EvidenceDocumentStore,
    DocumentationFacts,
    TechnicalDocumentation,
    SubjectExplanationService,
    PackAssembly,
    DecisionPackService,
    ModelVersionPackService,
    AuditPeriodPackService,
    ...EVIDENCE_RESOLVERS,
  ],
  exports: [EvidenceDocumentStore],
})
export class EvidenceModule {}

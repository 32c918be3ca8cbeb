import { Injectable } from '@nestjs/common';
import { AttestError, TenantDb } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import type { EvidenceDocument } from '../rendering';
import { EvidenceDocumentStore } from '../files/evidence-document-store.service';
import { DocumentFormat, EvidenceDocumentKind } from '../files/evidence-document.enums';
import { renderDocument, STORED_FORMAT } from '../files/render-document';
import { automationAnnexIv, modelAnnexIv } from './annex-iv';
import { completenessOf, type Completeness } from './completeness';
import { DocumentationFacts } from './documentation-facts.service';
import { modelCard } from './model-card';
import type { GeneratedDocumentModel } from './technical-documentation.models';

/** Which version a technical documentation is about. */
export type DocumentedVersion = { automationVersionId: string } | { modelVersionId: string };

interface Composed {
  kind: EvidenceDocumentKind;
  subjectType: 'AutomationVersion' | 'ModelVersion';
  subjectId: string;
  /** Whose the documented system is: a rule may let its owner generate it. */
  ownerId: string;
  document: EvidenceDocument;
  baseName: string;
}

/**
 * The technical documentation (EU AI Act Annex IV) of automation and model versions and the model
 * cards of model versions (docs/evidence.md): facts from the other contexts, a document with its
 * gaps named, rendered, then stored, sealed and audited in one transaction.
 */
@Injectable()
export class TechnicalDocumentation {
  constructor(
    private readonly db: TenantDb,
    private readonly facts: DocumentationFacts,
    private readonly store: EvidenceDocumentStore,
  ) {}

  async generate(actor: AuthenticatedPrincipal, of: DocumentedVersion, format: DocumentFormat): Promise<GeneratedDocumentModel> {
    return this.generated(actor, await this.annexIv(actor, of, new Date()), format);
  }

  async generateModelCard(actor: AuthenticatedPrincipal, modelVersionId: string, format: DocumentFormat): Promise<GeneratedDocumentModel> {
    const at = new Date();
    const facts = await this.facts.ofModelVersion(actor, modelVersionId);
    const composed: Composed = {
      kind: EvidenceDocumentKind.MODEL_CARD,
      subjectType: 'ModelVersion',
      subjectId: modelVersionId,
      ownerId: facts.model.ownerId,
      document: modelCard(facts, at.toISOString()),
      baseName: `model-card-${facts.model.modelName}-${facts.model.version}`,
    };
    return this.generated(actor, composed, format);
  }

  /** The completeness of the Annex IV documentation as it would be generated now (nothing stored). */
  async completeness(actor: AuthenticatedPrincipal, of: DocumentedVersion): Promise<Completeness> {
    return completenessOf((await this.annexIv(actor, of, new Date())).document);
  }

  private async annexIv(actor: AuthenticatedPrincipal, of: DocumentedVersion, at: Date): Promise<Composed> {
    if ('automationVersionId' in of) {
      const f = await this.facts.ofAutomationVersion(actor, of.automationVersionId);
      return {
        kind: EvidenceDocumentKind.ANNEX_IV,
        subjectType: 'AutomationVersion',
        subjectId: f.id,
        ownerId: f.ownerId,
        document: automationAnnexIv(f, at.toISOString()),
        baseName: `annex-iv-${f.automationKey}-${f.version}`,
      };
    }
    const f = await this.facts.ofModelVersion(actor, of.modelVersionId);
    return {
      kind: EvidenceDocumentKind.ANNEX_IV,
      subjectType: 'ModelVersion',
      subjectId: f.model.id,
      ownerId: f.model.ownerId,
      document: modelAnnexIv(f, at.toISOString()),
      baseName: `annex-iv-${f.model.modelName}-${f.model.version}`,
    };
  }

  private async generated(actor: AuthenticatedPrincipal, c: Composed, format: DocumentFormat): Promise<GeneratedDocumentModel> {
    if (!actor.ability.can('create', subjectOf('TechnicalDocumentation', { tenantId: actor.tenantId, ownerId: c.ownerId, kind: c.kind })))
      throw AttestError.forbidden(
        `You may not generate this ${c.kind === EvidenceDocumentKind.MODEL_CARD ? 'model card' : 'technical documentation'}`,
      );
    const file = await renderDocument(c.document, format, c.baseName);
    const record = await this.db.transaction(actor.tenantId, (m) =>
      this.store.store(m, actor, {
        kind: c.kind,
        subjectType: c.subjectType,
        subjectId: c.subjectId,
        format: STORED_FORMAT[format],
        file,
        generatedAt: new Date(c.document.generatedAt),
      }),
    );
    return { file, record, completeness: completenessOf(c.document) };
  }
}

/** The one version an input names, or VALIDATION_FAILED. */
export function documentedVersion(input: { automationVersionId?: string; modelVersionId?: string }): DocumentedVersion {
  const { automationVersionId, modelVersionId } = input;
  if (automationVersionId && !modelVersionId) return { automationVersionId };
  if (modelVersionId && !automationVersionId) return { modelVersionId };
  throw AttestError.validation('Give exactly one of automationVersionId and modelVersionId', { field: 'automationVersionId' });
}

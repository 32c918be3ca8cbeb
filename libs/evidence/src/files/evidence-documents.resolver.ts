import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, defineLoader, GraphQLSafeInt, type LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerSeals, type FactSeal } from '@attest/ledger';
import { EvidenceDocumentRecordModel } from './evidence-document-record.model';
import { EvidenceDocumentStore } from './evidence-document-store.service';
import { EvidenceDocumentsArgs } from './evidence-documents.args';

const sealOfDocumentLoader = defineLoader({
  name: 'evidenceDocument.seal',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, seals: LedgerSeals): Promise<(FactSeal | null)[]> =>
    byKeys(ids, await seals.sealsOf(actor.tenantId, 'evidence_document', ids), (s) => s.factId),
});

/** The stored documents of a subject, each with where its leaf is in the ledger: what documentation existed when. */
@Resolver(() => EvidenceDocumentRecordModel)
export class EvidenceDocumentsResolver {
  constructor(
    private readonly store: EvidenceDocumentStore,
    private readonly seals: LedgerSeals,
  ) {}

  @Query(() => [EvidenceDocumentRecordModel], {
    description:
      'The documents generated about one subject, newest first (at most 200), each sealed in the ledger: what documentation existed on a date',
  })
  @Can('read', 'EvidenceDocument')
  evidenceDocuments(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: EvidenceDocumentsArgs) {
    return this.store.forSubject(actor, args.subjectType, args.subjectId);
  }

  @ResolveField(() => GraphQLSafeInt, {
    nullable: true,
    description: "Index of the document's leaf in the tenant's ledger (prove it with ledgerInclusionProof); null until sequenced",
  })
  @Can('read', 'EvidenceDocument')
  async ledgerIndex(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(d.id))?.index ?? null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When a signed checkpoint first covered the document; null until then' })
  @Can('read', 'EvidenceDocument')
  async sealedAt(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(d.id))?.sealedAt ?? null;
  }

  private loader(actor: AuthenticatedPrincipal, loaders: LoaderRegistry) {
    return loaders.get(sealOfDocumentLoader, actor, this.seals);
  }
}

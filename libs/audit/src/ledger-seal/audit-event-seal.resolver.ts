import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { defineLoader, byKeys, GraphQLSafeInt, type LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerSeals, type FactSeal } from '@attest/ledger';
import { AuditEventModel } from '../models/audit-event.model';

const sealOfAuditEventLoader = defineLoader({
  name: 'auditEvent.seal',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, seals: LedgerSeals): Promise<(FactSeal | null)[]> =>
    byKeys(ids, await seals.sealsOf(actor.tenantId, 'audit_event', ids), (s) => s.factId),
});

/** Where an audit event is in the tenant's ledger, asked of @attest/ledger (a page's events in one batch). */
@Resolver(() => AuditEventModel)
export class AuditEventSealResolver {
  constructor(private readonly seals: LedgerSeals) {}

  @ResolveField(() => GraphQLSafeInt, {
    nullable: true,
    description: "Index of the event's leaf in the tenant's ledger (prove it with ledgerInclusionProof); null until sequenced",
  })
  @Can('read', 'AuditEvent')
  async ledgerIndex(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() e: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(e.id))?.index ?? null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When a signed checkpoint first covered the event; null until then' })
  @Can('read', 'AuditEvent')
  async sealedAt(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() e: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(e.id))?.sealedAt ?? null;
  }

  private loader(actor: AuthenticatedPrincipal, loaders: LoaderRegistry) {
    return loaders.get(sealOfAuditEventLoader, actor, this.seals);
  }
}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, GraphQLSafeInt, type LoaderRegistry } from '@attest/core';
import { DecisionModel } from '@attest/decisions';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerReads } from './ledger-reads.service';

type Seal = { fact_id: string; position: string | null; sealed_at: Date | null };

/** Where a decision is in the tenant's ledger: its leaf's index and the time it was sealed (null until then). */
@Resolver(() => DecisionModel)
export class DecisionSealResolver {
  constructor(private readonly reads: LedgerReads) {}

  @ResolveField(() => GraphQLSafeInt, { nullable: true, description: "Index of the decision's leaf in the tenant's ledger; null until sealed" })
  @Can('read', 'Decision')
  async ledgerIndex(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: { id: string }, @Loaders() loaders: LoaderRegistry) {
    const seal = await this.loader(actor, loaders).load(d.id);
    return seal?.position == null ? null : Number(seal.position);
  }

  @ResolveField(() => Date, { nullable: true, description: 'When a signed checkpoint first covered the decision; null until then' })
  @Can('read', 'Decision')
  async sealedAt(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(d.id))?.sealed_at ?? null;
  }

  private loader(actor: AuthenticatedPrincipal, loaders: LoaderRegistry) {
    return loaders.get<string, Seal | null>('decisionSeals', async (ids) => byKeys(ids, await this.reads.sealsOf(actor.tenantId, ids), (s) => s.fact_id));
  }
}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLSafeInt, type LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { LedgerSeals } from '@attest/ledger';
import { sealOfDecisionLoader } from '../decision.loaders';
import { DecisionModel } from '../models/decision.model';

/** Where a decision is in the tenant's ledger: its leaf's index and the time it was sealed (null until then). */
@Resolver(() => DecisionModel)
export class DecisionSealResolver {
  constructor(private readonly seals: LedgerSeals) {}

  @ResolveField(() => GraphQLSafeInt, {
    nullable: true,
    description: "Index of the decision's leaf in the tenant's ledger; null until sealed",
  })
  @Can('read', 'Decision')
  async ledgerIndex(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(d.id))?.index ?? null;
  }

  @ResolveField(() => Date, { nullable: true, description: 'When a signed checkpoint first covered the decision; null until then' })
  @Can('read', 'Decision')
  async sealedAt(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() d: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return (await this.loader(actor, loaders).load(d.id))?.sealedAt ?? null;
  }

  private loader(actor: AuthenticatedPrincipal, loaders: LoaderRegistry) {
    return loaders.get(sealOfDecisionLoader, actor, this.seals);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { PolicyPackPreviewArgs } from './policy-pack-preview.args';
import { PolicyPackPreviewModel } from './policy-pack-preview.model';
import { PolicyPackPreviewService } from './policy-pack-preview.service';

@Resolver(() => PolicyPackPreviewModel)
export class PolicyPackPreviewResolver {
  constructor(private readonly service: PolicyPackPreviewService) {}

  @Query(() => PolicyPackPreviewModel, {
    description: 'What activating a pack of the server would change, policy by policy, before activatePolicyPack',
  })
  @Can('read', 'PolicyPack')
  policyPackPreview(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: PolicyPackPreviewArgs) {
    return this.service.preview(actor, args.name);
  }
}

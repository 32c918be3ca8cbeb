import { Args, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { LineageArgs } from './lineage.args';
import { LineageGraphModel } from './lineage.models';
import { LineageService } from './lineage.service';

@Resolver()
export class LineageResolver {
  constructor(private readonly service: LineageService) {}

  @Query(() => LineageGraphModel, {
    description: 'The lineage around a node: where it came from (UPSTREAM), what came of it (DOWNSTREAM), or both; cycles end a walk, depth and edges are capped',
  })
  @Can('read', 'Lineage')
  lineage(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LineageArgs) {
    return this.service.graph(actor, args);
  }
}

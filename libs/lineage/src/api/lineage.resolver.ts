import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { DecisionLineageService } from './decision-lineage.service';
import { DatasetImpactModel } from './impact.models';
import { ImpactService } from './impact.service';
import { LineageArgs } from './lineage.args';
import { DecisionLineageModel, LineageGraphModel } from './lineage.models';
import { LineageService } from './lineage.service';

@Resolver()
export class LineageResolver {
  constructor(
    private readonly service: LineageService,
    private readonly impact: ImpactService,
    private readonly decisions: DecisionLineageService,
  ) {}

  @Query(() => LineageGraphModel, {
    description: 'The lineage around a node: where it came from (UPSTREAM), what came of it (DOWNSTREAM), or both; cycles end a walk, depth and edges are capped',
  })
  @Can('read', 'Lineage')
  lineage(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LineageArgs) {
    return this.service.graph(actor, args);
  }

  @Query(() => DatasetImpactModel, { description: 'What a dataset version reaches: model versions, automation versions, and their decisions counted by status and month' })
  @Can('read', 'Lineage')
  impactOf(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('datasetVersionId', { type: () => ID }) datasetVersionId: string) {
    return this.impact.impactOf(actor, datasetVersionId);
  }

  @Query(() => DecisionLineageModel, { description: "A decision's full upstream chain to its source datasets, each hop with its evidence (who, when, audit event, ledger index)" })
  @Can('read', 'Lineage')
  decisionLineage(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('decisionId', { type: () => ID }) decisionId: string) {
    return this.decisions.lineageOf(actor, decisionId);
  }
}

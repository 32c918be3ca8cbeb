import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { DecisionLineageService } from './decision-lineage.service';
import { DatasetImpactModel } from './models/dataset-impact.model';
import { ImpactService } from './impact.service';
import { renderDiagram } from '../diagram/render';
import { LineageDiagramArgs } from './dto/lineage-diagram.args';
import { LineageArgs } from './dto/lineage.args';
import { DecisionLineageModel } from './models/decision-lineage.model';
import { LineageGraphModel } from './models/lineage-graph.model';
import { LineageService } from './lineage.service';

@Resolver()
export class LineageResolver {
  constructor(
    private readonly service: LineageService,
    private readonly impact: ImpactService,
    private readonly decisions: DecisionLineageService,
  ) {}

  @Query(() => LineageGraphModel, {
    description:
      'The lineage around a node: where it came from (UPSTREAM), what came of it (DOWNSTREAM), or both; cycles end a walk, depth and edges are capped',
  })
  @Can('read', 'Lineage')
  lineage(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LineageArgs) {
    return this.service.graph(actor, args);
  }

  @Query(() => DatasetImpactModel, {
    description: 'What a dataset version reaches: model versions, automation versions, and their decisions counted by status and month',
  })
  @Can('read', 'Lineage')
  impactOf(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('datasetVersionId', { type: () => ID, description: 'The dataset version to follow downstream' }) datasetVersionId: string,
  ) {
    return this.impact.impactOf(actor, datasetVersionId);
  }

  @Query(() => DecisionLineageModel, {
    description:
      "A decision's full upstream chain to its source datasets, each hop with its evidence (who, when, audit event, ledger index)",
  })
  @Can('read', 'Lineage')
  decisionLineage(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('decisionId', { type: () => ID, description: 'The decision to follow upstream' }) decisionId: string,
  ) {
    return this.decisions.lineageOf(actor, decisionId);
  }

  @Query(() => String, {
    description: 'The same subgraph as lineage, drawn: a Mermaid flowchart or Graphviz DOT, for reports and the console',
  })
  @Can('read', 'Lineage')
  async lineageDiagram(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: LineageDiagramArgs) {
    const graph = await this.service.graph(actor, args);
    return renderDiagram(args.format, graph.nodes, graph.edges);
  }
}

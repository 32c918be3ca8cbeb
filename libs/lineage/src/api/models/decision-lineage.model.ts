import { Field, ObjectType } from '@nestjs/graphql';
import { LineageEdgeModel } from './lineage-edge.model';
import { LineageHopModel } from './lineage-hop.model';
import { LineageNodeModel } from './lineage-node.model';

@ObjectType('DecisionLineage', { description: "A decision's full upstream chain to its source datasets, each hop with its evidence" })
export class DecisionLineageModel {
  @Field(() => [LineageHopModel], { description: 'The decision first, then by distance' }) hops: LineageHopModel[];
  @Field(() => [LineageEdgeModel], { description: 'The edges between the hops, each pointing downstream' }) edges: LineageEdgeModel[];
  @Field(() => [LineageNodeModel], { description: 'The dataset versions and external datasets with nothing further upstream' })
  sources: LineageNodeModel[];
  @Field({ description: 'true when the chain was cut at the depth or edge limit' }) truncated: boolean;
}

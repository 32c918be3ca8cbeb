import { Field, ObjectType } from '@nestjs/graphql';
import { LineageEdgeModel } from './lineage-edge.model';
import { LineageNodeModel } from './lineage-node.model';

@ObjectType('LineageGraph', { description: 'A subgraph of the lineage around one node, to the depth asked' })
export class LineageGraphModel {
  @Field(() => [LineageNodeModel], { description: 'The node asked about first, then by distance' }) nodes: LineageNodeModel[];
  @Field(() => [LineageEdgeModel], { description: 'The edges between the nodes, each pointing downstream' }) edges: LineageEdgeModel[];
  @Field({ description: 'true when maxEdges was reached before depth: ask with a smaller depth, or use impactOf for counts' })
  truncated: boolean;
}

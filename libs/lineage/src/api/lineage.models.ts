import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { LineageEdgeKind, LineageNodeType } from '../graph/lineage-vocabulary';

@InputType('LineageNodeInput', { description: 'A node of the lineage graph: its type and id' })
export class LineageNodeInput {
  @Field(() => LineageNodeType)
  @IsEnum(LineageNodeType)
  type: LineageNodeType;

  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ObjectType('LineageNode')
export class LineageNodeModel {
  @Field(() => LineageNodeType) type: LineageNodeType;
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Name and version, or a decision\'s idempotency key' }) label: string | null;
  @Field(() => Int, { description: 'Hops from the node asked about (0 for itself)' }) depth: number;
}

@ObjectType('LineageNodeRef')
export class LineageNodeRefModel {
  @Field(() => LineageNodeType) type: LineageNodeType;
  @Field(() => ID) id: string;
}

@ObjectType('LineageEdge', { description: 'An edge, pointing downstream' })
export class LineageEdgeModel {
  @Field(() => LineageEdgeKind) kind: LineageEdgeKind;
  @Field(() => LineageNodeRefModel) upstream: LineageNodeRefModel;
  @Field(() => LineageNodeRefModel) downstream: LineageNodeRefModel;
  @Field({ description: 'When the downstream node came about (registered, recorded, reviewed, or the run\'s event time)' }) at: Date;
  @Field(() => ID, { nullable: true, description: 'The OpenLineage run that made the edge' }) runId: string | null;
}

@ObjectType('LineageGraph')
export class LineageGraphModel {
  @Field(() => [LineageNodeModel], { description: 'The node asked about first, then by distance' }) nodes: LineageNodeModel[];
  @Field(() => [LineageEdgeModel]) edges: LineageEdgeModel[];
  @Field({ description: 'true when maxEdges was reached before depth: ask with a smaller depth, or use impactOf for counts' }) truncated: boolean;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LineageEdgeKind } from '../../graph/lineage-vocabulary';
import { LineageNodeRefModel } from './lineage-node-ref.model';

@ObjectType('LineageEdge', { description: 'An edge, pointing downstream' })
export class LineageEdgeModel {
  @Field(() => LineageEdgeKind) kind: LineageEdgeKind;
  @Field(() => LineageNodeRefModel) upstream: LineageNodeRefModel;
  @Field(() => LineageNodeRefModel) downstream: LineageNodeRefModel;
  @Field({ description: 'When the downstream node came about (registered, recorded, reviewed, or the run\'s event time)' }) at: Date;
  @Field(() => ID, { nullable: true, description: 'The OpenLineage run that made the edge' }) runId: string | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LineageEdgeKind } from '../../graph/lineage-vocabulary';
import { LineageNodeRefModel } from './lineage-node-ref.model';

@ObjectType('LineageEdge', { description: 'An edge, pointing downstream' })
export class LineageEdgeModel {
  @Field(() => LineageEdgeKind, { description: 'How the downstream node came from the upstream one' }) kind: LineageEdgeKind;
  @Field(() => LineageNodeRefModel, { description: 'Where it comes from' }) upstream: LineageNodeRefModel;
  @Field(() => LineageNodeRefModel, { description: 'What came of it' }) downstream: LineageNodeRefModel;
  @Field({ description: "When the downstream node came about (registered, recorded, reviewed, or the run's event time)" }) at: Date;
  @Field(() => ID, { nullable: true, description: 'The OpenLineage run that made the edge' }) runId: string | null;
}

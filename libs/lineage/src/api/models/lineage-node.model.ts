import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LineageNodeType } from '../../graph/lineage-vocabulary';

@ObjectType('LineageNode', {
  description: 'A node of the lineage graph: a dataset, model or automation version, a decision, a review, or an external dataset',
})
export class LineageNodeModel {
  @Field(() => LineageNodeType, { description: 'What kind of node it is' }) type: LineageNodeType;
  @Field(() => ID, { description: 'Its id' }) id: string;
  @Field(() => String, { nullable: true, description: "Name and version, or a decision's idempotency key" }) label: string | null;
  @Field(() => Int, { description: 'Hops from the node asked about (0 for itself)' }) depth: number;
}

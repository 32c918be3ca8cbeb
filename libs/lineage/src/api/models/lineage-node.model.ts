import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LineageNodeType } from '../../graph/lineage-vocabulary';

@ObjectType('LineageNode')
export class LineageNodeModel {
  @Field(() => LineageNodeType) type: LineageNodeType;
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Name and version, or a decision\'s idempotency key' }) label: string | null;
  @Field(() => Int, { description: 'Hops from the node asked about (0 for itself)' }) depth: number;
}

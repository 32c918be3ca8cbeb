import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LineageNodeType } from '../../graph/lineage-vocabulary';

@ObjectType('LineageNodeRef')
export class LineageNodeRefModel {
  @Field(() => LineageNodeType) type: LineageNodeType;
  @Field(() => ID) id: string;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LineageNodeType } from '../../graph/lineage-vocabulary';

@ObjectType('LineageNodeRef', { description: 'A node of the lineage graph, by type and id only' })
export class LineageNodeRefModel {
  @Field(() => LineageNodeType, { description: 'What kind of node it is' }) type: LineageNodeType;
  @Field(() => ID, { description: 'Its id' }) id: string;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { LineageNodeType } from '../../graph/lineage-vocabulary';

@InputType('LineageNodeInput', { description: 'A node of the lineage graph: its type and id' })
export class LineageNodeInput {
  @Field(() => LineageNodeType)
  @IsEnum(LineageNodeType)
  type: LineageNodeType;

  @Field(() => ID)
  @IsUUID()
  id: string;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { LineageNodeType } from '../../graph/lineage-vocabulary';

@InputType('LineageNodeInput', { description: 'A node of the lineage graph: its type and id' })
export class LineageNodeInput {
  @Field(() => LineageNodeType, { description: 'What kind of node it is' })
  @IsEnum(LineageNodeType)
  type: LineageNodeType;

  @Field(() => ID, { description: 'Its id: of the registry entry version, decision or review, or of the external dataset' })
  @IsUUID()
  id: string;
}

import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { DiagramFormat } from '../../diagram/render';
import { LineageArgs } from './lineage.args';

@ArgsType()
export class LineageDiagramArgs extends LineageArgs {
  @Field(() => DiagramFormat, { defaultValue: DiagramFormat.MERMAID, description: 'The diagram language to draw in' })
  @IsEnum(DiagramFormat)
  format: DiagramFormat = DiagramFormat.MERMAID;
}

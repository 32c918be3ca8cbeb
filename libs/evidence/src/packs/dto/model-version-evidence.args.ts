import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class ModelVersionEvidenceArgs {
  @Field(() => ID, { description: 'The model version to export the evidence of' })
  @IsUUID()
  modelVersionId: string;
}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class DecisionEvidenceArgs {
  @Field(() => ID, { description: 'The decision to export the evidence of' })
  @IsUUID()
  decisionId: string;
}

import { ArgsType, Field } from '@nestjs/graphql';
import { Length, Matches } from 'class-validator';

@ArgsType()
export class EvidenceDocumentsArgs {
  @Field({ description: 'What the documents are about: AutomationVersion, ModelVersion, Decision, …' })
  @Matches(/^[A-Z][A-Za-z]{0,39}$/, { message: 'subjectType must be a type name such as AutomationVersion' })
  subjectType: string;

  @Field({ description: 'The id of what they are about' })
  @Length(1, 200)
  subjectId: string;
}

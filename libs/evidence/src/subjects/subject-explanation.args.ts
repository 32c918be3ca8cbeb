import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length, Matches } from 'class-validator';

@ArgsType()
export class SubjectExplanationArgs {
  @Field({ description: "The identifier you recorded as subjectRef; it is hashed with the tenant's key and never stored" })
  @Length(1, 500)
  subjectRef: string;
  @Field(() => ID, { nullable: true, description: 'Only this decision about the person (NOT_FOUND unless it is about them)' })
  @IsOptional()
  @IsUUID()
  decisionId?: string;
  @Field({
    nullable: true,
    defaultValue: 'en',
    description: 'The language of the explanation: en (the default); VALIDATION_FAILED for one without templates',
  })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'locale must be a language tag such as en or pt-BR' })
  locale?: string;
}

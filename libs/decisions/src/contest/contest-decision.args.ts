import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, Length } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ArgsType()
export class ContestDecisionArgs {
  @Field(() => ID, { description: 'The decision the person contests' }) @IsUUID() decisionId: string;
  @Field({
    description:
      "The person's reason, in their words (1 to 2,000 characters): stored redacted by the automation's rules, shown to reviewers",
  })
  @Transform(trimmed)
  @Length(1, 2000)
  reason: string;
  @Field(() => String, {
    nullable: true,
    description:
      'How to reach the person about the outcome (an e-mail address, a phone number; up to 320 characters): personal data, shown only to roles that may read decision inputs',
  })
  @IsOptional()
  @Transform(trimmed)
  @Length(1, 320)
  contact?: string | null;
}

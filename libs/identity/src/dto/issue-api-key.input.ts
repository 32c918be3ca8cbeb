import { IsWithinCalendar } from '@attest/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Length } from 'class-validator';

@InputType({ description: 'A new API key for a principal' })
export class IssueApiKeyInput {
  @Field(() => ID, { description: 'The principal the key authenticates as' })
  @IsUUID()
  principalId: string;

  @Field({ description: 'What the key is for, e.g. "claims-triage prod"' })
  @Length(1, 200)
  name: string;

  @Field(() => Date, { nullable: true, description: 'Must be in the future; no expiry when omitted' })
  @IsOptional()
  @IsWithinCalendar()
  expiresAt?: Date;
}

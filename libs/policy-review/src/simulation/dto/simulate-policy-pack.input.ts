import { IsWithinCalendar } from '@attest/core';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

@InputType({ description: 'One policy file of the candidate pack, as it would be committed under policies/<pack>/' })
export class PolicyFileInput {
  @Field({ description: '<policy id>.yaml' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*\.ya?ml$/, { message: 'name must be <policy id>.yaml (kebab-case)' })
  name: string;

  @Field({ description: 'The YAML text (docs/policies.md)' })
  @Length(1, 100_000)
  content: string;
}

@InputType({ description: 'Which recorded decisions to replay (newest first); every gated model and automation version is replayed too' })
export class PolicySimulationFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only decisions of this automation (and no lifecycle gates)' })
  @IsOptional()
  @IsUUID()
  automationId?: string;
  @Field({ nullable: true, description: 'occurredAt >= from' }) @IsOptional() @Type(() => Date) @IsWithinCalendar() from?: Date;
  @Field({ nullable: true, description: 'occurredAt < to' }) @IsOptional() @Type(() => Date) @IsWithinCalendar() to?: Date;
  @Field(() => Int, { nullable: true, description: 'At most this many decisions (default 100,000; at most 1,000,000)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit?: number;
}

@InputType({ description: 'A candidate policy pack to replay against what was recorded' })
export class SimulatePolicyPackInput {
  @Field(() => [PolicyFileInput], { description: 'The whole candidate pack (1-200 files): it replaces the active pack in the replay' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PolicyFileInput)
  policies: PolicyFileInput[];

  @Field({ nullable: true, description: 'A label for the candidate, e.g. the pull request it comes from' })
  @IsOptional()
  @Length(1, 200)
  label?: string;

  @Field(() => PolicySimulationFilterInput, { nullable: true, description: 'Which decisions to replay; the newest 100,000 when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicySimulationFilterInput)
  filter?: PolicySimulationFilterInput;
}

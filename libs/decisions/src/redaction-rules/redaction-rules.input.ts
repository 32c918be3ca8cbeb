import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { DETECTOR_NAMES } from '../redaction/detectors';

@InputType({ description: 'A named regular expression whose matches are redacted' })
export class CustomPatternInput {
  @Field({ description: 'lower_snake_case; findings and placeholders carry it' }) @Length(1, 63) name: string;
  @Field({ description: 'A JavaScript regular expression, without delimiters' }) @Length(1, 1000) pattern: string;
  @Field(() => String, { nullable: true, description: 'Any of i, m, s, u' }) @IsOptional() @IsString() flags?: string;
}

@InputType({ description: "An automation's redaction rules, replacing the previous ones whole" })
export class RedactionRulesInput {
  @Field(() => [String], { description: 'JSON paths in the decision document redacted whole, e.g. $.input.applicant.name' })
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  paths: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'JSON paths left as they are, not scanned by the detectors or patterns (false positives, e.g. $.input.claimId); paths win over these',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  keepPaths?: string[];

  @Field(() => [CustomPatternInput], { description: 'Custom patterns run besides the built-in detectors' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CustomPatternInput)
  patterns: CustomPatternInput[];

  @Field(() => [String], { nullable: true, description: `Built-in detectors to run (${DETECTOR_NAMES.join(', ')}); all when null` })
  @IsOptional()
  @IsIn([...DETECTOR_NAMES], { each: true })
  detectors?: string[];
}

@ArgsType()
export class SetRedactionRulesArgs {
  @Field(() => ID, { description: 'The automation whose rules to replace' }) @IsUUID() automationId: string;
  @Field(() => RedactionRulesInput, { description: 'The new rules' })
  @ValidateNested()
  @Type(() => RedactionRulesInput)
  rules: RedactionRulesInput;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CustomPattern', { description: 'A named regular expression whose matches are redacted' })
export class CustomPatternModel {
  @Field({ description: 'lower_snake_case; findings and placeholders carry it' }) name: string;
  @Field({ description: 'A JavaScript regular expression, without delimiters' }) pattern: string;
  @Field(() => String, { nullable: true, description: 'Any of i, m, s, u; null for none' }) flags?: string;
}

@ObjectType('RedactionRules', {
  description: "How an automation's decisions are redacted before they are stored (docs/decisions-redaction.md)",
})
export class RedactionRulesModel {
  @Field(() => ID, { description: 'The automation they apply to' }) automationId: string;
  @Field(() => [String], { description: 'JSON paths redacted whole, e.g. $.input.applicant.name' }) paths: string[];
  @Field(() => [String], { description: 'Left as they are, unscanned' }) keepPaths: string[];
  @Field(() => [CustomPatternModel], { description: 'Custom patterns run besides the built-in detectors' }) patterns: CustomPatternModel[];
  @Field(() => [String], { nullable: true, description: 'Null: every built-in detector' }) detectors: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Null while the automation uses the defaults' }) updatedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'When they were last set; null while the automation uses the defaults' })
  updatedAt: Date | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('CustomPattern')
export class CustomPatternModel {
  @Field() name: string;
  @Field() pattern: string;
  @Field(() => String, { nullable: true }) flags?: string;
}

@ObjectType('RedactionRules', { description: 'How an automation\'s decisions are redacted before they are stored (docs/decisions-redaction.md)' })
export class RedactionRulesModel {
  @Field(() => ID) automationId: string;
  @Field(() => [String]) paths: string[];
  @Field(() => [String], { description: 'Left as they are, unscanned' }) keepPaths: string[];
  @Field(() => [CustomPatternModel]) patterns: CustomPatternModel[];
  @Field(() => [String], { nullable: true, description: 'Null: every built-in detector' }) detectors: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Null while the automation uses the defaults' }) updatedBy: string | null;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}

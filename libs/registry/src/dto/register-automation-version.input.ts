import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Environment, OversightMode, RiskClass } from '../registry.enums';
import { VERSION_PATTERN } from './register-model-version.input';

@InputType({ description: 'A new version of an automation, registered in draft' })
export class RegisterAutomationVersionInput {
  @Field(() => ID, { description: 'The automation it is a version of (one the caller owns, or any for admins)' })
  @IsUUID()
  automationId: string;

  @Field({ description: 'Unique per automation, e.g. 2.1.0' })
  @Matches(VERSION_PATTERN, { message: 'version must be 1-64 letters, digits, . _ + -' })
  version: string;

  @Field({ description: 'What it decides and why it is automated (EU AI Act Art. 13 information)' })
  @Length(3, 5000)
  purpose: string;

  @Field({
    nullable: true,
    description:
      'Application domain in snake_case; the EU AI Act Annex III areas are biometrics, critical_infrastructure, ' +
      'education, employment, essential_services, credit, law_enforcement, migration, justice',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'domain must be snake_case, e.g. employment' })
  domain?: string;

  @Field(() => RiskClass, {
    description: 'The declared EU AI Act risk class; the active policy pack may refuse one lower than the domain implies',
  })
  @IsEnum(RiskClass)
  riskClass: RiskClass;

  @Field(() => OversightMode, { description: 'How much of its output people review (EU AI Act Art. 14)' })
  @IsEnum(OversightMode)
  oversightMode: OversightMode;

  @Field(() => Environment, { description: 'Where this version runs' })
  @IsEnum(Environment)
  environment: Environment;

  @Field(() => [ID], { description: 'The model versions it uses; empty for a rules-only automation' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  modelVersionIds: string[];
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsUUID, Length, Matches } from 'class-validator';
import { Environment, OversightMode, RiskClass } from '../registry.enums';
import { VERSION_PATTERN } from './register-model-version.input';

@InputType()
export class RegisterAutomationVersionInput {
  @Field(() => ID)
  @IsUUID()
  automationId: string;

  @Field({ description: 'Unique per automation, e.g. 2.1.0' })
  @Matches(VERSION_PATTERN, { message: 'version must be 1-64 letters, digits, . _ + -' })
  version: string;

  @Field({ description: 'What it decides and why it is automated (EU AI Act Art. 13 information)' })
  @Length(3, 5000)
  purpose: string;

  @Field(() => RiskClass)
  @IsEnum(RiskClass)
  riskClass: RiskClass;

  @Field(() => OversightMode)
  @IsEnum(OversightMode)
  oversightMode: OversightMode;

  @Field(() => Environment)
  @IsEnum(Environment)
  environment: Environment;

  @Field(() => [ID], { description: 'The model versions it uses; empty for a rules-only automation' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  modelVersionIds: string[];
}

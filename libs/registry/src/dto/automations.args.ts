import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, Length, ValidateNested } from 'class-validator';
import { Environment, LifecycleStatus, RiskClass } from '../registry.enums';
import { RegistryEntryFilter } from './registry-entry.input';
import { RegistryPageArgs } from './registry-order.input';

/** status, riskClass and environment select automations with one version matching all of those given. */
@InputType({ description: 'Narrows the automations listed; the given fields must all match' })
export class AutomationFilter extends RegistryEntryFilter {
  @Field({ nullable: true, description: 'Case-insensitive match on the key or the name' })
  @IsOptional()
  @Length(1, 200)
  override search?: string;

  @Field(() => LifecycleStatus, { nullable: true, description: 'Automations with a version in this status' })
  @IsOptional()
  @IsEnum(LifecycleStatus)
  status?: LifecycleStatus;

  @Field(() => RiskClass, { nullable: true, description: 'Automations with a version of this risk class' })
  @IsOptional()
  @IsEnum(RiskClass)
  riskClass?: RiskClass;

  @Field(() => Environment, { nullable: true, description: 'Automations with a version for this environment' })
  @IsOptional()
  @IsEnum(Environment)
  environment?: Environment;
}

@ArgsType()
export class AutomationsArgs extends RegistryPageArgs {
  @Field(() => AutomationFilter, { nullable: true, description: 'Narrows the list; every automation the caller may read when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutomationFilter)
  filter?: AutomationFilter;
}

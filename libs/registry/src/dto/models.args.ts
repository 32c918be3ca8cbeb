import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { LifecycleStatus, RiskTier } from '../registry.enums';
import { RegistryEntryFilter } from './registry-entry.input';
import { RegistryPageArgs } from './registry-order.input';

@InputType({ description: 'Narrows the models listed; the given fields must all match' })
export class ModelFilter extends RegistryEntryFilter {
  @Field(() => LifecycleStatus, { nullable: true, description: 'Models with a version in this status' })
  @IsOptional()
  @IsEnum(LifecycleStatus)
  status?: LifecycleStatus;

  @Field(() => RiskTier, { nullable: true, description: 'Models with a version of this risk tier' })
  @IsOptional()
  @IsEnum(RiskTier)
  riskTier?: RiskTier;
}

@ArgsType()
export class ModelsArgs extends RegistryPageArgs {
  @Field(() => ModelFilter, { nullable: true, description: 'Narrows the list; every model when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModelFilter)
  filter?: ModelFilter;
}

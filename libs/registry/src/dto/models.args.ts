import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { LifecycleStatus, RiskTier } from '../registry.enums';

@InputType()
export class ModelFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field({ nullable: true, description: 'Case-insensitive match on the name' })
  @IsOptional()
  @Length(1, 200)
  search?: string;

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
export class ModelsArgs extends PageArgs {
  @Field(() => ModelFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModelFilter)
  filter?: ModelFilter;
}

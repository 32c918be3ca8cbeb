import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, Length, ValidateNested } from 'class-validator';
import { PrincipalKind, Role } from '../access/vocabulary';

@InputType()
export class PrincipalFilter {
  @Field(() => PrincipalKind, { nullable: true })
  @IsOptional()
  @IsEnum(PrincipalKind)
  kind?: PrincipalKind;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'Case-insensitive match on the name' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@ArgsType()
export class PrincipalsArgs extends PageArgs {
  @Field(() => PrincipalFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrincipalFilter)
  filter?: PrincipalFilter;
}

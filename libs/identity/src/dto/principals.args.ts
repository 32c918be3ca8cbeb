import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PageArgs } from '@attest/core';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, Length, ValidateNested } from 'class-validator';
import { PrincipalKind, Role } from '../access/vocabulary';

@InputType({ description: 'Narrows the principals listed; the given fields must all match' })
export class PrincipalFilter {
  @Field(() => PrincipalKind, { nullable: true, description: 'Only people, or only services' })
  @IsOptional()
  @IsEnum(PrincipalKind)
  kind?: PrincipalKind;

  @Field(() => Role, { nullable: true, description: 'Only principals bound to this role' })
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
  @Field(() => PrincipalFilter, { nullable: true, description: 'Narrows the list; every principal of the tenant when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrincipalFilter)
  filter?: PrincipalFilter;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { PrincipalKind } from '../access/vocabulary';

@InputType()
export class CreatePrincipalInput {
  @Field(() => PrincipalKind)
  @IsEnum(PrincipalKind)
  kind: PrincipalKind;

  @Field({ description: 'Unique in the tenant: a person\'s handle or a service name' })
  @Length(1, 200)
  @Matches(/^\S(.*\S)?$/, { message: 'name must not start or end with spaces' })
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;
}

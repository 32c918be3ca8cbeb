import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { PrincipalKind } from '../access/vocabulary';

@InputType({ description: "A new human or service principal in the caller's tenant" })
export class CreatePrincipalInput {
  @Field(() => PrincipalKind, { description: 'A person, or a machine identity (an automation, a data platform)' })
  @IsEnum(PrincipalKind)
  kind: PrincipalKind;

  @Field({ description: "Unique in the tenant: a person's handle or a service name" })
  @Length(1, 200)
  @Matches(/^\S(.*\S)?$/, { message: 'name must not start or end with spaces' })
  name: string;

  @Field({ nullable: true, description: "The person's e-mail; leave out for services" })
  @IsOptional()
  @IsEmail()
  email?: string;
}

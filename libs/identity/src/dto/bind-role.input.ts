import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Role } from '../access/vocabulary';

@InputType({ description: 'A role to give a principal, optionally limited to one automation' })
export class BindRoleInput {
  @Field(() => ID, { description: 'The principal to give the role to' })
  @IsUUID()
  principalId: string;

  @Field(() => Role, { description: 'The role (docs/security.md lists what each may do)' })
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for the service role: the automation it acts for' })
  @IsOptional()
  @IsUUID()
  automationId?: string;
}

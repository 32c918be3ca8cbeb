import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Role } from '../access/vocabulary';

@InputType()
export class BindRoleInput {
  @Field(() => ID)
  @IsUUID()
  principalId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for the service role: the automation it acts for' })
  @IsOptional()
  @IsUUID()
  automationId?: string;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/vocabulary';

@ObjectType('RoleBinding', { description: 'A role granted to a principal (for `service`, on one automation)' })
export class RoleBindingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) principalId: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) automationId: string | null;
  @Field() createdAt: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/vocabulary';

@ObjectType('RoleBinding', { description: 'A role granted to a principal (for `service`, on one automation)' })
export class RoleBindingModel {
  @Field(() => ID, { description: "The binding's id (UUID): unbindRole takes it" }) id: string;
  @Field(() => ID, { description: 'The principal that holds the role' }) principalId: string;
  @Field(() => Role, { description: 'The role held' }) role: Role;
  @Field(() => ID, { nullable: true, description: 'The one automation the role is limited to (service roles); null for the whole tenant' })
  automationId: string | null;
  @Field({ description: 'When it was bound, ISO 8601 (UTC)' }) createdAt: Date;
}

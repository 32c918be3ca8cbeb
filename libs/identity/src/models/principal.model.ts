import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PrincipalKind } from '../access/vocabulary';

@ObjectType('Principal', { description: 'A human or a service (machine identity) in a tenant' })
export class PrincipalModel {
  @Field(() => ID, { description: "The principal's id (UUID)" }) id: string;
  tenantId: string;
  @Field(() => PrincipalKind, { description: 'A person or a service' }) kind: PrincipalKind;
  @Field({ description: 'Display name' }) name: string;
  /** Resolved by a field resolver: only roles with field access see it. */
  email: string | null;
  @Field({ description: 'When it was created, ISO 8601 (UTC)' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was disabled (it can no longer authenticate); null while enabled' })
  disabledAt: Date | null;
}

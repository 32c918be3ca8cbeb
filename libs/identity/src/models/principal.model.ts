import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PrincipalKind } from '../access/vocabulary';

@ObjectType('Principal', { description: 'A human or a service (machine identity) in a tenant' })
export class PrincipalModel {
  @Field(() => ID) id: string;
  tenantId: string;
  @Field(() => PrincipalKind) kind: PrincipalKind;
  @Field() name: string;
  /** Resolved by a field resolver: only roles with field access see it. */
  email: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) disabledAt: Date | null;
}

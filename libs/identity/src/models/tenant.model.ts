import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Tenant', { description: "An organisation using Attest: every record belongs to exactly one, and no principal sees another's" })
export class TenantModel {
  @Field(() => ID, { description: "The tenant's id (UUID); ledger origins end with it" }) id: string;
  @Field({ description: 'Display name' }) name: string;
  @Field({ description: 'Short unique name of the tenant, for URLs and logs' }) slug: string;
  @Field({ description: 'When it was created, ISO 8601 (UTC)' }) createdAt: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Tenant')
export class TenantModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() slug: string;
  @Field() createdAt: Date;
}

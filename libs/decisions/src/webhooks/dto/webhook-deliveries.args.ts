import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '@attest/core';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The subscription whose deliveries to list' }) @IsUUID() subscriptionId: string;
  @Field(() => String, { nullable: true, description: 'pending, delivered or failed' })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

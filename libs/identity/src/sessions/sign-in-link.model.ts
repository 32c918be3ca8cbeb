import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SignInLink', { description: 'A one-time sign-in link for a person: shown this once, stored only as a hash' })
export class SignInLinkModel {
  @Field(() => ID, { description: "The link's id (UUID); not its token" }) id: string;
  @Field(() => ID, { description: 'The human principal it signs in' }) principalId: string;
  @Field({ description: 'Open it in a browser to sign in: works once, until expiresAt' }) url: string;
  @Field({ description: 'When it stops working (15 minutes after issue), ISO 8601 (UTC)' }) expiresAt: Date;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ApiKey', { description: 'An API key: its metadata only; the secret is never stored' })
export class ApiKeyModel {
  @Field(() => ID) id: string;
  @Field(() => ID) principalId: string;
  @Field() name: string;
  @Field({ description: 'Public part of the key, to recognise it (att_<prefix>_…)' }) prefix: string;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('IssuedApiKey', { description: 'A new API key: `secret` is shown this once' })
export class IssuedApiKeyModel {
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
  @Field({ description: 'The full key to send as "Authorization: Bearer <secret>"; not retrievable later' })
  secret: string;
}

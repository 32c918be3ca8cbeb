import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ApiKey', { description: 'An API key: its metadata only; the secret is never stored' })
export class ApiKeyModel {
  @Field(() => ID, { description: "The key's id (UUID); not the secret" }) id: string;
  @Field(() => ID, { description: 'The principal the key authenticates as' }) principalId: string;
  @Field({ description: 'What the key is for, as given when issued' }) name: string;
  @Field({ description: 'Public part of the key, to recognise it (att_<prefix>_…)' }) prefix: string;
  @Field(() => Date, { nullable: true, description: 'When it stops working; null for never' }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it last authenticated a request; null if never used' }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while valid' }) revokedAt: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The principal who issued it (the tenant bootstrap: its first admin); null when not recorded',
  })
  createdBy: string | null;
  @Field({ description: 'When it was issued, ISO 8601 (UTC)' }) createdAt: Date;
}

@ObjectType('IssuedApiKey', { description: 'A new API key: `secret` is shown this once' })
export class IssuedApiKeyModel {
  @Field(() => ApiKeyModel, { description: "The key's metadata, as apiKeys lists it" }) apiKey: ApiKeyModel;
  @Field({ description: 'The full key to send as "Authorization: Bearer <secret>"; not retrievable later' })
  secret: string;
}

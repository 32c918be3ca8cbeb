import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/vocabulary';

@ObjectType('OidcRoleMapping', { description: 'A value of the roles claim and the Attest role it grants' })
export class OidcRoleMappingModel {
  @Field({ description: 'The claim value (matched case-insensitively; a claim may hold several)' }) claimValue: string;
  @Field(() => Role, { description: 'The tenant-wide role a person with that value holds' }) role: Role;
}

@ObjectType('OidcSettings', {
  description: 'Sign-in through an OpenID Connect provider, as configured (ATTEST_OIDC_*); never the client secret',
})
export class OidcSettingsModel {
  @Field({ description: 'Whether sign-in through the provider is on (ATTEST_OIDC_ISSUER set)' }) enabled: boolean;
  @Field(() => String, { nullable: true, description: "The provider's issuer URL; null when off" }) issuer: string | null;
  @Field(() => String, { nullable: true, description: 'The client id Attest signs in as; null when off' }) clientId: string | null;
  @Field(() => String, { nullable: true, description: 'What the sign-in page calls the provider; null when off' }) label: string | null;
  @Field(() => String, { nullable: true, description: 'Where the provider sends the browser back; null when off' })
  redirectUrl: string | null;
  @Field({ description: 'The ID token or userinfo claim whose values name Attest roles' }) rolesClaim: string;
  @Field({ description: 'The slug of the tenant people signing in through the provider belong to' }) tenant: string;
  @Field(() => [OidcRoleMappingModel], {
    description:
      'Claim value → role: the roles a person may get from the provider (service roles are bound to automations, never by a claim)',
  })
  roleMapping: OidcRoleMappingModel[];
}

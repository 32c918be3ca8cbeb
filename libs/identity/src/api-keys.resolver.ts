import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiKeysService } from './api-keys.service';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import { Can, CurrentPrincipal } from './auth/decorators';
import { IssueApiKeyInput } from './dto/issue-api-key.input';
import { ApiKeyModel, IssuedApiKeyModel } from './models/api-key.model';

@Resolver(() => ApiKeyModel)
export class ApiKeysResolver {
  constructor(private readonly service: ApiKeysService) {}

  @Query(() => [ApiKeyModel], { description: 'API keys (metadata only), newest first, at most 500' })
  @Can('read', 'ApiKey')
  apiKeys(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('principalId', {
      type: () => ID,
      nullable: true,
      description: 'Only the keys of this principal; every key of the tenant when omitted',
    })
    principalId?: string,
  ) {
    return this.service.list(actor, principalId);
  }

  @Mutation(() => IssuedApiKeyModel, {
    description: 'Issues an API key for a principal (admins only); the secret is returned this once and stored only as a hash; audited',
  })
  @Can('create', 'ApiKey')
  issueApiKey(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The principal, a name and an optional expiry' }) input: IssueApiKeyInput,
  ) {
    return this.service.issue(actor, input);
  }

  @Mutation(() => ApiKeyModel, { description: 'Revokes an API key at once (admins only); returns it as revoked; audited' })
  @Can('revoke', 'ApiKey')
  revokeApiKey(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: 'The key to revoke' }) id: string,
  ) {
    return this.service.revoke(actor, id);
  }
}

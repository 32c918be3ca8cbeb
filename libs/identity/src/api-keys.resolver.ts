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
    @Args('principalId', { type: () => ID, nullable: true }) principalId?: string,
  ) {
    return this.service.list(actor, principalId);
  }

  @Mutation(() => IssuedApiKeyModel)
  @Can('create', 'ApiKey')
  issueApiKey(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('input') input: IssueApiKeyInput) {
    return this.service.issue(actor, input);
  }

  @Mutation(() => ApiKeyModel)
  @Can('revoke', 'ApiKey')
  revokeApiKey(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args('id', { type: () => ID }) id: string) {
    return this.service.revoke(actor, id);
  }
}

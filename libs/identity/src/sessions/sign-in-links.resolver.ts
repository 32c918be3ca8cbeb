import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedPrincipal } from '../auth/authenticated-principal';
import { Can, CurrentPrincipal } from '../auth/decorators';
import { SignInLinkModel } from './sign-in-link.model';
import { SessionsService } from './sessions.service';

@Resolver(() => SignInLinkModel)
export class SignInLinksResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Mutation(() => SignInLinkModel, {
    description:
      'Issues a one-time sign-in link for a human principal (admins only, as for API keys); single use, expires in 15 minutes; audited',
  })
  @Can('create', 'ApiKey')
  issueSignInLink(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('principalId', { type: () => ID, description: 'The human principal to sign in' }) principalId: string,
  ) {
    return this.sessions.issueLink(actor, principalId);
  }
}

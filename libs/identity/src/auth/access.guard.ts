import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AttestError, correlationIdOf, RateLimits, type RateBudget } from '@attest/core';
import type { Request } from 'express';
import { HTTP_PRINCIPAL, type AuthenticatedPrincipal, type GraphQLRequestContext } from './authenticated-principal';
import { Authenticator, credentialsOf } from './authenticator.service';
import { ABILITY_KEY, PUBLIC_KEY, RATE_BUDGET_KEY, requirementMet, type AbilityRequirement } from './decorators';

type HttpRequest = Request & { [HTTP_PRINCIPAL]?: AuthenticatedPrincipal };

/**
 * Secure by default: every GraphQL operation and guarded field is authenticated, and must declare
 * with @Can the ability it needs; an undeclared one is refused (and a test lists them). The same
 * holds for the few HTTP routes (the OpenLineage endpoint): @Public, or @Can and authenticated.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly rateLimits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const budget = context.getType() === 'http' ? this.reflector.getAllAndOverride<RateBudget>(RATE_BUDGET_KEY, targets) : undefined;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // No principal to count against: the client's address (the proxy's, unless Express trusts it).
      if (budget) await this.rateLimits.consume(budget, context.switchToHttp().getRequest<Request>().ip ?? 'unknown');
      return true;
    }
    const requirement = this.reflector.getAllAndOverride<AbilityRequirement>(ABILITY_KEY, targets);
    let principal: AuthenticatedPrincipal;
    if (context.getType<string>() === 'graphql') {
      const graphqlContext = GqlExecutionContext.create(context).getContext<GraphQLRequestContext>();
      principal = graphqlContext.principal = await this.authenticator.principalOf(graphqlContext);
    } else if (context.getType() === 'http' && requirement) {
      const req = context.switchToHttp().getRequest<HttpRequest>();
      principal = await this.authenticator.authenticate(credentialsOf(req), correlationIdOf(req));
      req[HTTP_PRINCIPAL] = principal;
      if (budget) await this.rateLimits.consume(budget, `${principal.tenantId}:${principal.principalId}`);
    } else {
      throw AttestError.forbidden('This route is not available');
    }
    if (!requirement) throw AttestError.forbidden('This operation declares no ability and is refused');
    if (!requirementMet(principal.ability, requirement)) {
      throw AttestError.forbidden(`You may not ${requirement.actions.join(' or ')} ${requirement.subject}`);
    }
    return true;
  }
}

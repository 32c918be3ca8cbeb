import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AttestError, correlationIdOf } from '@attest/core';
import type { AuthenticatedPrincipal, GraphQLRequestContext } from './authenticated-principal';
import { Authenticator } from './authenticator.service';
import { ABILITY_KEY, PUBLIC_KEY, requirementMet, type AbilityRequirement } from './decorators';

/**
 * Secure by default: every GraphQL operation and guarded field is authenticated, and must declare
 * with @Can the ability it needs; an undeclared one is refused (and a test lists them).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (context.getType<string>() !== 'graphql') throw AttestError.forbidden('This route is not available');

    const gqlContext = GqlExecutionContext.create(context).getContext<GraphQLRequestContext>();
    const principal = await this.authenticate(gqlContext);
    const requirement = this.reflector.getAllAndOverride<AbilityRequirement>(ABILITY_KEY, targets);
    if (!requirement) throw AttestError.forbidden('This operation declares no ability and is refused');
    if (!requirementMet(principal.ability, requirement)) {
      throw AttestError.forbidden(`You may not ${requirement.actions.join(' or ')} ${requirement.subject}`);
    }
    return true;
  }

  private async authenticate(context: GraphQLRequestContext): Promise<AuthenticatedPrincipal> {
    context.authentication ??= this.authenticator.authenticate(
      { authorization: context.req.header('authorization'), apiKey: context.req.header('x-api-key') },
      correlationIdOf(context.req),
    );
    context.principal = await context.authentication;
    return context.principal;
  }
}

import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RateBudget } from '@attest/core';
import type { Action, SubjectType } from '../access/vocabulary';
import { HTTP_PRINCIPAL, type AuthenticatedPrincipal, type GraphQLRequestContext } from './authenticated-principal';

export const PUBLIC_KEY = 'attest:public';
export const ABILITY_KEY = 'attest:ability';
export const RATE_BUDGET_KEY = 'attest:rate-budget';

export interface AbilityRequirement {
  /** Any one of these actions suffices (e.g. moving a version along, or approving it). */
  actions: Action[];
  subject: SubjectType;
}

export function requirementMet(ability: { can(action: Action, subject: SubjectType): boolean }, r: AbilityRequirement): boolean {
  return r.actions.some((action) => ability.can(action, r.subject));
}

/** Reachable without credentials (health checks). Everything else is authenticated. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The ability an operation or field needs, checked by the global guard before it runs. Services
 * check it again on the loaded rows (ownership, bindings) and filter lists in SQL.
 */
export const Can = (action: Action | Action[], subject: SubjectType) =>
  SetMetadata<string, AbilityRequirement>(ABILITY_KEY, { actions: [action].flat(), subject });

/**
 * The budget an HTTP route spends, checked by the global guard: per principal once authenticated,
 * per client IP on a @Public route. GraphQL operations spend theirs in AuthenticatedOperationsPlugin.
 */
export const RateLimited = (budget: Exclude<RateBudget, 'requests' | 'cost'>) => SetMetadata(RATE_BUDGET_KEY, budget);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedPrincipal => {
  const principal =
    context.getType() === 'http'
      ? context.switchToHttp().getRequest<Record<symbol, AuthenticatedPrincipal | undefined>>()[HTTP_PRINCIPAL]
      : GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an operation the guard did not authenticate');
  return principal;
});

/** The per-request DataLoader registry. */
export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().loaders,
);

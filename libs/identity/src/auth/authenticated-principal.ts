import type { RequestActor } from '@attest/core';
import type { LoaderRegistry, QueryCostContext } from '@attest/core';
import type { Request, Response } from 'express';
import type { AppAbility } from '../access/ability.factory';
import type { PrincipalKind, Role } from '../access/vocabulary';

/** The caller of a request, once authenticated: identity, roles and what they may do. */
export interface AuthenticatedPrincipal extends RequestActor {
  kind: PrincipalKind;
  name: string;
  roles: Role[];
  automationIds: string[];
  ability: AppAbility;
  /** How it was established; `session`: a human's sign-in cookie; `job`: rebuilt for a job it submitted. */
  via: 'api_key' | 'jwt' | 'session' | 'job';
}

/** The GraphQL context of one request. */
export interface GraphQLRequestContext extends QueryCostContext {
  req: Request;
  res: Response;
  loaders: LoaderRegistry;
  /** Memoised: the first resolver authenticates, the others reuse the result. */
  authentication?: Promise<AuthenticatedPrincipal>;
  principal?: AuthenticatedPrincipal;
}

/** Where the guard keeps an HTTP route's authenticated principal, for @CurrentPrincipal. */
export const HTTP_PRINCIPAL = Symbol('attest.principal');

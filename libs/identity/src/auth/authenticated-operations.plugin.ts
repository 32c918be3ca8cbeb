import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { AttestError, ErrorCode, RateLimitedError, RateLimits } from '@attest/core';
import { GraphQLError } from 'graphql';
import type { AuthenticatedPrincipal, GraphQLRequestContext } from './authenticated-principal';
import { Authenticator } from './authenticator.service';

/**
 * Every GraphQL operation needs credentials, introspection and `__typename` included: the guard
 * only sees fields that have resolvers, and graphql-js answers `__schema` without any. Runs once
 * the operation is parsed, validated and under the cost limit, before anything executes; then
 * counts the request and its estimated cost against the principal's budgets.
 */
@Plugin()
export class AuthenticatedOperationsPlugin implements ApolloServerPlugin<GraphQLRequestContext> {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly rateLimits: RateLimits,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLRequestContext>> {
    return {
      didResolveOperation: async ({ contextValue }) => {
        try {
          contextValue.principal = await this.authenticator.principalOf(contextValue);
        } catch (error) {
          if (!(error instanceof AttestError) || error.code !== ErrorCode.UNAUTHENTICATED) throw error;
          // Apollo answers an error of this stage with HTTP 500 unless told otherwise; formatError
          // still reads the code from the original.
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 401 } } });
        }
        await this.consumeBudgets(contextValue.principal, contextValue.queryCost);
      },
    };
  }

  private async consumeBudgets(principal: AuthenticatedPrincipal, queryCost = 1): Promise<void> {
    const key = `${principal.tenantId}:${principal.principalId}`;
    try {
      // The request first: a refused request spends none of the cost budget.
      await this.rateLimits.consume('requests', key);
      await this.rateLimits.consume('cost', key, queryCost);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      throw new GraphQLError(error.message, {
        originalError: error,
        extensions: { http: { status: error.httpStatus, headers: new Map([['retry-after', String(error.retryAfterSeconds)]]) } },
      });
    }
  }
}

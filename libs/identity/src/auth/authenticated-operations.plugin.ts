import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { AttestError, ErrorCode } from '@attest/core';
import { GraphQLError } from 'graphql';
import type { GraphQLRequestContext } from './authenticated-principal';
import { Authenticator } from './authenticator.service';

/**
 * Every GraphQL operation needs credentials, introspection and `__typename` included: the guard
 * only sees fields that have resolvers, and graphql-js answers `__schema` without any. Runs once
 * the operation is parsed, validated and under the cost limit, before anything executes.
 */
@Plugin()
export class AuthenticatedOperationsPlugin implements ApolloServerPlugin<GraphQLRequestContext> {
  constructor(private readonly authenticator: Authenticator) {}

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
      },
    };
  }
}

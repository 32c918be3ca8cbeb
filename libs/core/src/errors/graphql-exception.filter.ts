import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * GraphQL errors are mapped (and unexpected ones logged) once, in formatGraphQLError; this filter
 * only keeps Nest from logging every expected domain error a second time.
 */
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}

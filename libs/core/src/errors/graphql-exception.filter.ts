import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { ErrorCode } from './error-code';

/** What body-parser throws before any route runs: a body too large, or not JSON. */
interface BodyError {
  type: 'entity.too.large' | 'entity.parse.failed' | string;
  status: number;
  limit?: number;
}

const isBodyError = (e: unknown): e is BodyError =>
  typeof e === 'object' && e !== null && typeof (e as BodyError).type === 'string' && (e as BodyError).type.startsWith('entity.') &&
  typeof (e as BodyError).status === 'number';

/**
 * GraphQL errors are mapped (and unexpected ones logged) once, in formatGraphQLError; this filter
 * only keeps Nest from logging every expected domain error a second time. A request body the
 * parser refuses gets a GraphQL-shaped error with a stable code too, not Nest's HTTP default.
 */
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    // The Express adapter wraps body-parser's error in an HttpException, keeping it as the cause.
    const body = (exception as { cause?: unknown } | null)?.cause ?? exception;
    if (host.getType() === 'http' && isBodyError(body)) {
      const message = body.type === 'entity.too.large'
        ? `The request body is larger than the ${Math.round((body.limit ?? 0) / 1024 / 1024)} MiB allowed (ATTEST_MAX_REQUEST_MB); send fewer decisions per call`
        : 'The request body is not valid JSON';
      host.switchToHttp().getResponse<Response>().status(body.status).json({ errors: [{ message, extensions: { code: ErrorCode.VALIDATION_FAILED } }] });
      return undefined;
    }
    return super.catch(exception, host);
  }
}

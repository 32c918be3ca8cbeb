import { type ArgumentsHost, BadRequestException, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AttestError } from './attest-error';
import { ErrorCode } from './error-code';
import { RateLimitedError } from '../rate-limits/rate-limited.error';
import { answeredWithCode } from './rest-error-code';

/** HTTP status of each code, for the few REST routes (the OpenLineage endpoint). */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.POLICY_DENIED]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
};

/** What body-parser throws before any route runs: a body too large, or not JSON. */
interface BodyError {
  type: 'entity.too.large' | 'entity.parse.failed' | string;
  status: number;
  limit?: number;
  /** The setting behind `limit`, when not ATTEST_MAX_REQUEST_MB (bodyLimitSetBy). */
  limitSetting?: string;
}

/** A body parser whose "too large" names the setting of its limit, for a route bounded on its own. */
export function bodyLimitSetBy(setting: string, parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) => {
      if (isBodyError(error) && error.type === 'entity.too.large') error.limitSetting = setting;
      next(error);
    });
}

const isBodyError = (e: unknown): e is BodyError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as BodyError).type === 'string' &&
  (e as BodyError).type.startsWith('entity.') &&
  typeof (e as BodyError).status === 'number';

/**
 * GraphQL errors are mapped (and unexpected ones logged) once, in formatGraphQLError; this filter
 * only keeps Nest from logging every expected domain error a second time. A request body the
 * parser refuses, and a domain error on a REST route, get a GraphQL-shaped error with a stable
 * code too, not Nest's HTTP default.
 */
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (host.getType() !== 'http') return super.catch(exception, host);
    const res = host.switchToHttp().getResponse<Response>();
    // The Express adapter wraps body-parser's error in an HttpException, keeping it as the cause.
    const body = (exception as { cause?: unknown } | null)?.cause ?? exception;
    if (isBodyError(body)) {
      const message =
        body.type !== 'entity.too.large'
          ? 'The request body is not valid JSON'
          : body.limitSetting
            ? `The request body is larger than the ${body.limit ?? 0} bytes allowed here (${body.limitSetting})`
            : `The request body is larger than the ${Math.round((body.limit ?? 0) / 1024 / 1024)} MiB allowed (ATTEST_MAX_REQUEST_MB); send fewer decisions per call`;
      sendError(res, body.status, ErrorCode.VALIDATION_FAILED, message);
      return undefined;
    }
    // A domain error on a REST route: the same body as GraphQL's, with the code's HTTP status.
    if (exception instanceof AttestError) {
      if (exception instanceof RateLimitedError)
        res.status(exception.httpStatus).setHeader('retry-after', String(exception.retryAfterSeconds));
      else res.status(HTTP_STATUS[exception.code] ?? 500);
      sendError(res, res.statusCode, exception.code, exception.message, exception.details);
      return undefined;
    }
    // The validation pipe's refusal of a query string or body (a CSV export's filters).
    const problems = pipeProblems(exception);
    if (problems) {
      sendError(res, 400, ErrorCode.VALIDATION_FAILED, problems.join('; '), { problems });
      return undefined;
    }
    return super.catch(exception, host);
  }
}

/**
 * A REST error body: `code` and `message` at the top for plain HTTP clients, and the same in
 * GraphQL's `errors` shape, so one error reader serves both.
 */
function sendError(res: Response, status: number, code: ErrorCode, message: string, details: Record<string, unknown> = {}): void {
  answeredWithCode(res, code);
  res.status(status).json({ code, message, errors: [{ message, extensions: { code, ...details } }] });
}

/** The problems Nest's ValidationPipe lists in the BadRequestException it throws. */
function pipeProblems(exception: unknown): string[] | undefined {
  if (!(exception instanceof BadRequestException)) return undefined;
  const message = (exception.getResponse() as { message?: unknown }).message;
  return Array.isArray(message) ? message.map(String) : undefined;
}

import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { answeredWithCode, AttestError, ErrorCode, RateLimitedError } from '@attest/core';
import type { Response } from 'express';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.NOT_FOUND]: 404,
};

/** A refusal of an /auth route with its own HTTP status (415 for a body that is not JSON). */
export class AuthRefusal extends AttestError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(code, message);
  }
}

/**
 * The /auth routes answer errors as `{"code", "message"}` (what the console's sign-in page reads),
 * not GraphQL's `errors` list; anything unexpected is INTERNAL, without details.
 */
@Catch()
export class AuthErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    answeredWithCode(res, exception instanceof AttestError ? exception.code : ErrorCode.INTERNAL);
    if (exception instanceof RateLimitedError) {
      res.setHeader('retry-after', String(exception.retryAfterSeconds));
      res.status(exception.httpStatus).json({ code: exception.code, message: exception.message });
      return;
    }
    if (exception instanceof AttestError) {
      const status = exception instanceof AuthRefusal ? exception.status : (STATUS[exception.code] ?? 400);
      res.status(status).json({ code: exception.code, message: exception.message });
      return;
    }
    res.status(500).json({ code: ErrorCode.INTERNAL, message: 'Something went wrong; the server log has the details' });
  }
}

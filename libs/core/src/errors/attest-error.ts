import { ErrorCode } from './error-code';

/** A domain error: services throw these; one formatter maps them to GraphQL errors. */
export class AttestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe, client-facing details (field names, ids); never SQL or stack traces. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AttestError';
  }

  static notFound(subjectType: string, id: string): AttestError {
    return new AttestError(ErrorCode.NOT_FOUND, `${subjectType} ${id} was not found`, { subjectType, id });
  }

  static forbidden(message = 'You are not allowed to do this'): AttestError {
    return new AttestError(ErrorCode.FORBIDDEN, message);
  }

  static validation(message: string, details?: Record<string, unknown>): AttestError {
    return new AttestError(ErrorCode.VALIDATION_FAILED, message, details);
  }

  static conflict(message: string, details?: Record<string, unknown>): AttestError {
    return new AttestError(ErrorCode.CONFLICT, message, details);
  }
}

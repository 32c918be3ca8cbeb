import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AttestError } from './attest-error';
import { CONSTRAINT_MESSAGES } from './constraint-messages';
import { isQueryLimitRefusal } from '../graphql/limits/query-too-complex';
import { ErrorCode } from './error-code';
import { withholdQuotedValues } from './withhold-values';

const logger = new Logger('GraphQL');

/** Codes that graphql-js and Apollo give malformed requests: all are the caller's input. */
const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);
const PASSTHROUGH = new Set<string>(Object.values(ErrorCode));

/** PostgreSQL error classes that mean the input was wrong, not the server. */
const SQL_STATE: Record<string, [ErrorCode, string]> = {
  '23505': [ErrorCode.CONFLICT, 'Something with these values already exists'],
  '23503': [ErrorCode.VALIDATION_FAILED, 'A referenced record does not exist'],
  '23514': [ErrorCode.VALIDATION_FAILED, 'A value is out of the allowed range'],
  '22P02': [ErrorCode.VALIDATION_FAILED, 'A value has an invalid format'],
};

/**
 * The one place that turns any error into a client-facing GraphQL error: a stable
 * `extensions.code`, a human message, safe details; never a stack trace or SQL text.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AttestError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const validation = validationMessages(original);
  if (validation) {
    return {
      ...base,
      message: validation.join('; '),
      extensions: { code: ErrorCode.VALIDATION_FAILED, field: fieldOf(validation[0]), problems: validation },
    };
  }
  if (original instanceof QueryFailedError) {
    const driver = (original as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
    const mapped = driver?.code ? SQL_STATE[driver.code] : undefined;
    if (mapped) {
      const message = (driver?.constraint && CONSTRAINT_MESSAGES[driver.constraint]) || mapped[1];
      return { ...base, message, extensions: { code: mapped[0], constraint: driver?.constraint } };
    }
  }
  if (isQueryLimitRefusal(original)) {
    return { ...base, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_COMPLEX } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (INPUT_CODES.has(code))
    return { ...base, message: withholdQuotedValues(base.message), extensions: { code: ErrorCode.VALIDATION_FAILED } };
  if (PASSTHROUGH.has(code)) return { ...base, extensions: { ...formatted.extensions, code } };

  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: 'Internal error', extensions: { code: ErrorCode.INTERNAL } };
}

/** The property path class-validator starts its message with ("explanation.0.note.text must be…"). */
function fieldOf(message: string): string | undefined {
  return /^([\w$]+(?:\.[\w$]+)*) /.exec(message)?.[1];
}

/** Nest's ValidationPipe throws a BadRequestException whose response lists the problems. */
function validationMessages(error: unknown): string[] | undefined {
  const response = (error as { getResponse?: () => unknown })?.getResponse?.();
  const status = (error as { getStatus?: () => number })?.getStatus?.();
  if (status !== 400 || !response || typeof response !== 'object') return undefined;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String);
  return typeof message === 'string' ? [message] : undefined;
}

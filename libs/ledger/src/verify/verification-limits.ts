import { AttestError, ErrorCode } from '@attest/core';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** Bounds every statement of the transaction (verifyLedger's, or one slice of a job). */
export async function limitStatements(m: EntityManager, timeoutMs: number): Promise<void> {
  await m.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
}

const LOCK = `hashtextextended('attest.ledger-verify/' || $1, 0)`;

/**
 * One verification of a tenant's log at a time, for the transaction: verifyLedger tries (false
 * when another runs: it answers CONFLICT rather than hold a connection in a queue); a job's slice
 * waits (for at most its statement timeout), so a job and verifyLedger calls take turns.
 */
export async function lockVerification(m: EntityManager, tenantId: string, wait: boolean): Promise<boolean> {
  if (wait) {
    await m.query(`SELECT pg_advisory_xact_lock(${LOCK})`, [tenantId]);
    return true;
  }
  const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`, [tenantId]);
  return locked;
}

export function timedOut(timeoutMs: number): AttestError {
  return new AttestError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The verification ran longer than ${timeoutMs / 1000} s: verify the log in shorter consecutive ranges (fromIndex, toIndex)`,
    { timeoutMs },
  );
}

/** PostgreSQL's query_canceled, which statement_timeout raises. */
export const isStatementTimeout = (error: unknown) =>
  error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '57014';

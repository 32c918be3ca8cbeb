import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The correlation id of the request whose work is running now. Background work (the ledger
 * sequencer, jobs) runs outside any request and sees none: that is what lets a statement be
 * attributed to the request that sent it, even while the sequencer shares the process.
 */
const requestScope = new AsyncLocalStorage<string>();

/** Accepts the caller's x-correlation-id (or makes one), echoes it and keeps it on the request. */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const offered = req.header(CORRELATION_HEADER);
  const id = offered && VALID_ID.test(offered) ? offered : randomUUID();
  (req as Request & { correlationId: string }).correlationId = id;
  res.setHeader(CORRELATION_HEADER, id);
  requestScope.run(id, next);
}

export function correlationIdOf(req: Request): string {
  return (req as Request & { correlationId?: string }).correlationId ?? randomUUID();
}

/** The correlation id of the request being served in this async context, if any. */
export function currentCorrelationId(): string | undefined {
  return requestScope.getStore();
}

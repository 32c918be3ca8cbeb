import type { Response } from 'express';

const KEY = 'attestErrorCode';

/** Remembers the stable code a REST error answered with, for the request metrics (errors by code on both surfaces). */
export function answeredWithCode(res: Response, code: string): void {
  res.locals[KEY] = code;
}

/** The stable code a REST response answered with; for an error answered without one (a 404 of no route), `HTTP_<status>`. */
export function answeredCode(res: Response): string {
  const code: unknown = res.locals[KEY];
  return typeof code === 'string' ? code : `HTTP_${res.statusCode}`;
}

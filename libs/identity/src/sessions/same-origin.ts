import { ErrorCode, publicUrlOf, type AttestConfig } from '@attest/core';
import type { Request } from 'express';
import { AuthRefusal } from './auth-refusal';

/**
 * CSRF defence of the state-changing /auth routes (docs/security.md, "CSRF"): a cross-site form can
 * send only simple content types, and a browser names the page's origin on a cross-origin POST. So
 * the body must be application/json and an Origin, when present, must be Attest's own.
 */
export function assertSameOriginJson(req: Request, config: AttestConfig): void {
  if (!/^application\/json\s*(;|$)/i.test(req.header('content-type') ?? '')) {
    throw new AuthRefusal(ErrorCode.VALIDATION_FAILED, 'Send the request as application/json', 415);
  }
  const origin = req.header('origin');
  if (origin !== undefined && !ownOrigins(req, config).includes(origin)) {
    throw new AuthRefusal(ErrorCode.FORBIDDEN, 'A request from another origin is refused', 403);
  }
}

function ownOrigins(req: Request, config: AttestConfig): string[] {
  return [new URL(publicUrlOf(config)).origin, `${req.protocol}://${req.get('host') ?? ''}`];
}

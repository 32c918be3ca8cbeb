import jwt from 'jsonwebtoken';

export interface AttestJwtClaims {
  /** principal id */
  sub: string;
  /** tenant id */
  tid: string;
}

/** HS256 tokens for humans; the signing key comes from ATTEST_JWT_SECRET (or the embedded data folder). */
export function mintJwt(claims: AttestJwtClaims, options: { secret: string; issuer: string; ttlSeconds: number }): string {
  return jwt.sign({ tid: claims.tid }, options.secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: options.issuer,
    expiresIn: options.ttlSeconds,
  });
}

/**
 * Returns the claims of a valid token, or undefined for any invalid, expired or foreign one, and
 * for one that never expires or lives longer than `maxLifetimeSeconds` (from its `iat`, and from
 * now: a token whose `iat` lies is judged by what is left of it).
 */
export function verifyJwt(
  token: string,
  options: { secret: string; issuer: string; maxLifetimeSeconds: number },
): AttestJwtClaims | undefined {
  try {
    const payload = jwt.verify(token, options.secret, { algorithms: ['HS256'], issuer: options.issuer });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return undefined;
    if (!withinLifetime(payload, options.maxLifetimeSeconds)) return undefined;
    return { sub: payload.sub, tid: payload.tid };
  } catch {
    return undefined;
  }
}

function withinLifetime(payload: jwt.JwtPayload, maxLifetimeSeconds: number): boolean {
  if (typeof payload.exp !== 'number') return false;
  const now = Math.floor(Date.now() / 1000);
  const issued = typeof payload.iat === 'number' ? payload.iat : now;
  return payload.exp - issued <= maxLifetimeSeconds && payload.exp - now <= maxLifetimeSeconds;
}

export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}

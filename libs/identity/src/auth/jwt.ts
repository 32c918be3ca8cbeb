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

/** Returns the claims of a valid token, or undefined for any invalid, expired or foreign one. */
export function verifyJwt(token: string, options: { secret: string; issuer: string }): AttestJwtClaims | undefined {
  try {
    const payload = jwt.verify(token, options.secret, { algorithms: ['HS256'], issuer: options.issuer });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return undefined;
    return { sub: payload.sub, tid: payload.tid };
  } catch {
    return undefined;
  }
}

export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}

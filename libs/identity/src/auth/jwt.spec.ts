import jwt from 'jsonwebtoken';
import { mintJwt, verifyJwt } from './jwt';

const SECRET = 's'.repeat(40);
const RULES = { secret: SECRET, issuer: 'attest', maxLifetimeSeconds: 3600 };
const CLAIMS = { sub: '6f1d0c6e-0c55-4c4e-9d0b-2b0c7b0f0a11', tid: '0b1f4a53-51f3-4c1c-8d1c-52d3f0c5b6a2' };
const now = () => Math.floor(Date.now() / 1000);
const signed = (payload: object) =>
  jwt.sign({ tid: CLAIMS.tid, sub: CLAIMS.sub, ...payload }, SECRET, { algorithm: 'HS256', issuer: 'attest' });

describe('verifyJwt', () => {
  it('accepts a token minted within the maximum lifetime', () => {
    expect(verifyJwt(mintJwt(CLAIMS, { secret: SECRET, issuer: 'attest', ttlSeconds: 3600 }), RULES)).toEqual(CLAIMS);
  });

  it('refuses a token without exp, or living longer than the maximum from its iat or from now', () => {
    expect(verifyJwt(signed({}), RULES)).toBeUndefined();
    expect(verifyJwt(mintJwt(CLAIMS, { secret: SECRET, issuer: 'attest', ttlSeconds: 3601 }), RULES)).toBeUndefined();
    expect(verifyJwt(signed({ iat: now() + 7200, exp: now() + 7300 }), RULES)).toBeUndefined(); // iat in the future
    expect(verifyJwt(signed({ exp: now() + 60 }), RULES)).toEqual(CLAIMS); // no iat: judged from now
  });

  it('refuses another key, another issuer, another algorithm and an expired token', () => {
    expect(verifyJwt(mintJwt(CLAIMS, { secret: 'x'.repeat(40), issuer: 'attest', ttlSeconds: 60 }), RULES)).toBeUndefined();
    expect(verifyJwt(mintJwt(CLAIMS, { secret: SECRET, issuer: 'other', ttlSeconds: 60 }), RULES)).toBeUndefined();
    const none = jwt.sign({ tid: CLAIMS.tid, exp: now() + 60 }, '', { algorithm: 'none', subject: CLAIMS.sub, issuer: 'attest' });
    expect(verifyJwt(none, RULES)).toBeUndefined();
    expect(verifyJwt(signed({ iat: now() - 120, exp: now() - 60 }), RULES)).toBeUndefined();
  });
});

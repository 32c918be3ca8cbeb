/**
 * What an OIDC sign-in remembers between the redirect to the provider and its callback: the state,
 * the nonce, the PKCE verifier and where to go afterwards. It lives in a short-lived HttpOnly
 * cookie of the browser that started it (Path=/auth/oidc), so a callback from any other browser
 * (login CSRF) finds no matching state. It needs no signature: it is only ever compared with what
 * the provider sends back, and the PKCE verifier must match the challenge the provider holds.
 */
export const OIDC_TRANSACTION_COOKIE = 'attest_oidc';
export const OIDC_TRANSACTION_PATH = '/auth/oidc';
export const OIDC_TRANSACTION_SECONDS = 600;

export interface OidcTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export function encodeTransaction(transaction: OidcTransaction): string {
  return Buffer.from(JSON.stringify(transaction), 'utf8').toString('base64url');
}

export function decodeTransaction(value: string | undefined): OidcTransaction | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcTransaction>;
    const fields = [parsed.state, parsed.nonce, parsed.verifier, parsed.returnTo];
    return fields.every((f) => typeof f === 'string' && f.length > 0 && f.length <= 2048) ? (parsed as OidcTransaction) : undefined;
  } catch {
    return undefined;
  }
}

/** Where to go after signing in: a path of this origin (one leading `/`), anything else `/`. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  // `//host` and `/\host` are other origins to a browser; control characters have no place in a path.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || hasControlCharacter(value)) return '/';
  return value;
}

function hasControlCharacter(value: string): boolean {
  return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

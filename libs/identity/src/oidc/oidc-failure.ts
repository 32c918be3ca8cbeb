/**
 * Why an OIDC sign-in failed: the code the sign-in page gets (`/sign-in?error=<code>`) and the
 * audit event records. The message is for the server log only.
 */
export type OidcErrorCode =
  | 'NOT_CONFIGURED'
  | 'PROVIDER_UNAVAILABLE'
  | 'STATE_MISMATCH'
  | 'IDP_ERROR'
  | 'TOKEN_REJECTED'
  | 'NO_ROLE'
  | 'DISABLED'
  | 'LAST_ADMIN'
  | 'TENANT_UNKNOWN';

export class OidcFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OidcFailure';
  }
}

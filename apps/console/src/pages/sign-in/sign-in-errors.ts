/**
 * The codes the server sends back to /sign-in?error=<CODE> (the OIDC sign-in's failures, and an
 * ended session), in words. An unknown code is shown as it is, with a generic sentence: the code is
 * what an administrator searches the audit trail and the logs for.
 */
const SIGN_IN_ERRORS: Record<string, string> = {
  NOT_CONFIGURED: 'Single sign-on is not configured on this installation. Ask an administrator for a sign-in link.',
  PROVIDER_UNAVAILABLE: 'The identity provider could not be reached. Try again in a moment.',
  STATE_MISMATCH: 'The sign-in took too long or was started in another window. Start it again.',
  IDP_ERROR: 'The identity provider refused or cancelled the sign-in.',
  TOKEN_REJECTED: "The identity provider's answer could not be verified, so it was not trusted.",
  NO_ROLE: 'Your account has no Attest role: none of your groups maps to one. Ask an administrator.',
  DISABLED: 'Your Attest account is disabled.',
  LAST_ADMIN:
    "Your identity provider no longer gives you the admin role, and you are this tenant's last admin: the sign-in was refused so the tenant keeps one. Ask another admin, or restore the group.",
  TENANT_UNKNOWN: 'The tenant single sign-on is set up for does not exist. Ask an administrator.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
};

export function signInErrorText(code: string): string {
  return SIGN_IN_ERRORS[code] ?? 'The sign-in did not succeed.';
}

/**
 * The codes the server sends back to /sign-in?error=<CODE>, in words. An unknown code is shown as
 * it is, with a generic sentence: the code is what an administrator searches the logs for.
 */
const SIGN_IN_ERRORS: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  SESSION_EXPIRED: 'Your session has expired. Sign in again.',
  LINK_INVALID: 'This sign-in link is not valid: it may have been used already or have expired. Ask for a new one.',
  LINK_EXPIRED: 'This sign-in link has expired (links last 15 minutes). Ask for a new one.',
  OIDC_DISABLED: 'Single sign-on is not configured on this installation.',
  OIDC_FAILED: 'The identity provider did not complete the sign-in. Try again, or ask an administrator.',
  OIDC_STATE_MISMATCH: 'The sign-in took too long or was started in another window. Try again.',
  OIDC_DENIED: 'The identity provider refused the sign-in.',
  NO_ROLE: 'Your account has no Attest role. Ask an administrator to map your group to a role.',
  PRINCIPAL_DISABLED: 'Your Attest account is disabled.',
  FORBIDDEN: 'You may not sign in to this console.',
  RATE_LIMITED: 'Too many sign-in attempts. Wait a minute and try again.',
};

export function signInErrorText(code: string): string {
  return SIGN_IN_ERRORS[code] ?? 'The sign-in did not succeed.';
}

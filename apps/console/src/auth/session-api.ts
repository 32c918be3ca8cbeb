import type { ApiProblem } from '../api/errors';

/** How this installation lets humans sign in (GET /auth/options); without the route, links only. */
export interface AuthOptions {
  oidc: { enabled: boolean; label: string };
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export async function fetchAuthOptions(): Promise<AuthOptions> {
  const response = await fetch('/auth/options', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) return { oidc: { enabled: false, label: '' } };
  const body = (await response.json()) as Partial<AuthOptions>;
  return { oidc: { enabled: body.oidc?.enabled === true, label: body.oidc?.label ?? 'single sign-on' } };
}

/** Redeems a one-time sign-in link's token for a session cookie: null when signed in, else the refusal. */
export async function redeemSignInLink(token: string): Promise<ApiProblem | null> {
  const response = await fetch('/auth/link', {
    method: 'POST',
    credentials: 'same-origin',
    headers: JSON_HEADERS,
    body: JSON.stringify({ token }),
  });
  if (response.status === 204) return null;
  return problemOf(response);
}

/** Ends the session on the server (the cookie is refused from then on). */
export async function signOut(): Promise<ApiProblem | null> {
  const response = await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: JSON_HEADERS, body: '{}' });
  return response.ok ? null : problemOf(response);
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as { message?: unknown; code?: unknown };
  return {
    message: typeof body.message === 'string' ? body.message : `The server answered ${response.status} ${response.statusText}`.trim(),
    code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
  };
}

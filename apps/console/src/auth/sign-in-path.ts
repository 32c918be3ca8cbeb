/** A path of this console to come back to after sign-in; anything else (another origin, `//host`) becomes `/`. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/** The sign-in page's address, remembering where to return. */
export function signInPath(returnTo: string): string {
  const target = safeReturnTo(returnTo);
  return target === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(target)}`;
}

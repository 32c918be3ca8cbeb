import type { Response } from 'express';

/**
 * The console's Content-Security-Policy: its own scripts only, never inline ones (the build emits
 * none, and nothing in the console writes a script); inline styles because Mantine sets CSS variables
 * in `style` attributes; workers from the console's own files (the API explorer's editor), `blob:`
 * for the ones Monaco starts from a generated source; no framing, no plugins, no foreign forms.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Set on every answer the console serves: its page, its assets, and the page saying it is not built. */
export function setConsoleSecurityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

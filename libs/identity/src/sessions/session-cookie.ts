import { publicUrlOf, type AttestConfig } from '@attest/core';
import type { Request } from 'express';

/** The cookie that carries a human's session (docs/security.md, "Sessions"). */
export const SESSION_COOKIE = 'attest_session';

/** One cookie of a request's Cookie header; parsed here so that the API needs no cookie middleware. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Secure when the request came over TLS (through a trusted proxy) or Attest is published over https. */
export function cookieIsSecure(req: Request, config: AttestConfig): boolean {
  return req.secure || publicUrlOf(config).startsWith('https:');
}

export interface CookieOptions {
  path?: string;
  /** Seconds; absent: a browser-session cookie (the server decides when the session ends). */
  maxAge?: number;
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax, Secure as above. */
export function setCookie(req: Request, config: AttestConfig, name: string, value: string, options: CookieOptions = {}): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
    ...(cookieIsSecure(req, config) ? ['Secure'] : []),
  ].join('; ');
}

/** A Set-Cookie value that removes the cookie. */
export function clearCookie(req: Request, config: AttestConfig, name: string, path = '/'): string {
  return `${setCookie(req, config, name, '', { path, maxAge: 0 })}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

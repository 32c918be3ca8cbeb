import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { setConsoleSecurityHeaders } from './console-headers';

/** The API's own routes: never answered with the console, whatever the request accepts. */
const API_PREFIXES = ['/graphql', '/auth', '/api', '/health', '/.well-known', '/metrics'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A browser navigating (not a script, an image or an API client): the Accept header names HTML. */
export function wantsHtml(req: Request): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

const NOT_BUILT = [
  'The Attest console is not built.',
  '',
  'Build it with `npm run console:build` (`npm start` does it before starting), then reload this page.',
  'The API itself is running: GraphQL at /graphql, health at /health.',
  '',
].join('\n');

/**
 * Serves the built console (dist/console) at /: its hashed files under /assets for a year, and
 * index.html, never cached, for any page address (the console routes in the browser). Requests for
 * the API's routes, and anything that is not a GET or HEAD, pass through untouched. The folder is
 * looked at on each page load, so a console built while the API runs is served at the next reload.
 */
export function serveConsole(consoleDir: string): RequestHandler {
  const indexFile = join(consoleDir, 'index.html');
  const files = express.static(consoleDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(res, path) {
      setConsoleSecurityHeaders(res);
      // Vite puts a content hash in every name under assets/: a changed file is a new name.
      res.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    files(req, res, (error?: unknown) => {
      if (error) return next(error);
      // Not a file of the build: a missing asset stays a 404; a page address gets the console.
      if (!wantsHtml(req) || req.path.startsWith('/assets/')) return next();
      setConsoleSecurityHeaders(res);
      res.setHeader('Cache-Control', 'no-cache');
      if (!existsSync(indexFile)) {
        res.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
        return;
      }
      res.sendFile(indexFile, { headers: { 'Cache-Control': 'no-cache' } }, (sendError?: unknown) => {
        if (sendError && !res.headersSent) next(sendError);
      });
    });
  };
}

/**
 * `GET /graphql` typed into a browser's address bar (HTML accepted, no query) goes to the console's
 * API explorer instead of Apollo's CSRF-prevention refusal. Clients' GET queries are untouched.
 */
export const graphqlBrowserRedirect: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' && req.path === '/graphql' && req.query.query === undefined && wantsHtml(req)) {
    res.redirect(302, '/explorer');
    return;
  }
  next();
};

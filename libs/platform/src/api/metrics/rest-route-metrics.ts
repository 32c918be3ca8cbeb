import type { NextFunction, Request, Response } from 'express';
import { answeredCode } from '@attest/core';
import type { RequestMetrics } from './request-metrics';

/**
 * Times every HTTP request but GraphQL's (timed by operation instead) once answered, labelled by the
 * route template Express matched ("/api/v1/exports/:id"), or "unmatched" (the console's files, 404s);
 * an error by the stable code it answered with.
 */
export function restRouteMetrics(metrics: RequestMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/graphql') return next();
    const started = performance.now();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      metrics.restRequest(req.method, route, res.statusCode, (performance.now() - started) / 1000, answeredCode(res));
    });
    next();
  };
}

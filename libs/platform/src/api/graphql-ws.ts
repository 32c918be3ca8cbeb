import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ValidationRule } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import { ErrorCode, formatGraphQLError, LoaderRegistry, type AttestConfig } from '@attest/core';

type Extra = { request: IncomingMessage };

/**
 * graphql-ws at /graphql (the `activity` subscription, docs/api.md "Live updates"). Only
 * subscriptions are served over the socket: queries and mutations go to POST /graphql, where the
 * limits, rate limits and metrics of every request apply. Each subscription is authenticated by
 * the guards as a request is, from the upgrade request's headers (the console's session cookie, or
 * an API key); a browser's socket from another origin is refused, since it would carry the cookie.
 */
export function graphqlWsOptions(
  config: AttestConfig,
  limits: { parseOptions: { maxSourceLength: number; maxTokens: number }; validationRules: ValidationRule[] },
): Partial<ServerOptions<Record<string, unknown>, Extra>> {
  return {
    onConnect: (ctx: Context<Record<string, unknown>, Extra>) => sameOrigin(ctx.extra.request, config.publicUrl),
    context: (ctx: Context<Record<string, unknown>, Extra>) => ({ req: upgradeRequest(ctx.extra.request), loaders: new LoaderRegistry() }),
    onSubscribe: (_ctx, _id, payload) => {
      let document: DocumentNode;
      try {
        document = parse(payload.query, limits.parseOptions);
      } catch (error) {
        return [refusal(error instanceof Error ? error.message : 'The query does not parse')];
      }
      if (getOperationAST(document, payload.operationName)?.operation !== 'subscription')
        return [refusal('Only subscriptions are served over WebSocket: send queries and mutations to POST /graphql')];
      return undefined;
    },
    validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limits.validationRules]),
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatGraphQLError(e.toJSON(), e)),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e)) } : undefined,
  };
}

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.VALIDATION_FAILED } });
}

/** No Origin (not a browser): allowed, it carries no one's cookie. A browser's: this host's, or the public URL's. */
function sameOrigin(request: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const { host } = new URL(origin);
    return host === request.headers.host || (publicUrl !== undefined && new URL(publicUrl).host === host);
  } catch {
    return false;
  }
}

/** What the authenticator reads of a request (its headers), from the socket's upgrade request. */
function upgradeRequest(request: IncomingMessage) {
  return {
    headers: request.headers,
    header: (name: string) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    ip: request.socket.remoteAddress,
    correlationId: randomUUID(),
  };
}

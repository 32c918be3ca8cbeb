import { setTimeout as sleep } from 'node:timers/promises';
import { CliError } from '../command';
import { RateLimitPatience, retryAfterSeconds } from './retry-after';

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLErrorEntry[];
}

/** One GraphQL request, answered with its data and its errors (some queries expect errors for some fields). */
export interface GraphQLTransport {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
}

const TIMEOUT_MS = 60_000;

export interface HttpClientOptions {
  /** Told each wait for a rate limit, e.g. to say so on stderr. */
  onWait?: (seconds: number, status: number) => void;
  patience?: RateLimitPatience;
  sleep?: (ms: number) => Promise<unknown>;
}

interface HttpAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

/**
 * The API over HTTP: POST <base url>/graphql with the API key as a bearer token. A server that
 * cannot be reached, or answers with anything but a GraphQL response, fails with exit code 2.
 * "Too many requests" is waited out as the server asks (RateLimitPatience), up to a budget.
 */
export class HttpGraphQLClient implements GraphQLTransport {
  readonly endpoint: string;
  private readonly patience: RateLimitPatience;

  /** The API's base URL; its /graphql endpoint, as the README shows it, is taken too. */
  constructor(
    baseUrl: string,
    private readonly apiKey: string,
    private readonly options: HttpClientOptions = {},
  ) {
    this.endpoint = `${baseUrl.replace(/\/+$/, '').replace(/\/graphql$/, '')}/graphql`;
    this.patience = options.patience ?? new RateLimitPatience();
  }

  async request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
    let answer = await this.post(query, variables);
    while (rateLimited(answer)) {
      const wait = this.patience.nextWait(retryAfterSeconds(answer.retryAfter));
      if (wait === null) {
        throw new CliError(
          `${this.endpoint} kept answering HTTP ${answer.status} (too many requests): gave up after waiting ${this.patience.totalWaitedSeconds} s in all`,
          2,
        );
      }
      this.options.onWait?.(wait, answer.status);
      await (this.options.sleep ?? sleep)(wait * 1000);
      answer = await this.post(query, variables);
    }
    this.patience.answered();
    const body = parseBody(answer.text);
    if (!body)
      throw new CliError(
        `${this.endpoint} answered HTTP ${answer.status} with no GraphQL response: ${answer.text.slice(0, 200) || '(empty)'}`,
        2,
      );
    return { data: (body.data ?? null) as T | null, errors: body.errors ?? [] };
  }

  private async post(query: string, variables?: Record<string, unknown>): Promise<HttpAnswer> {
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      throw new CliError(`cannot reach ${this.endpoint}: ${fetchFailure(error)}`, 2);
    }
  }
}

/** 429, or a 503 that says when to come back (the server's limiter failing closed). */
function rateLimited(answer: HttpAnswer): boolean {
  return answer.status === 429 || (answer.status === 503 && answer.retryAfter !== null);
}

/** What a command tells its user while it waits out a rate limit. */
export function sayWaits(io: { err(text: string): void }): HttpClientOptions['onWait'] {
  return (seconds, status) => io.err(`the server answered HTTP ${status} (too many requests): waiting ${seconds} s as it asks\n`);
}

/** The data of a request that must succeed whole: any error fails the command (exit 2) with the server's words. */
export async function requestWhole<T>(
  client: GraphQLTransport,
  what: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await client.request<T>(query, variables);
  if (result.errors.length > 0 || !result.data) throw new CliError(`the server refused ${what}: ${describeErrors(result.errors)}`, 2);
  return result.data;
}

export function describeErrors(errors: readonly GraphQLErrorEntry[]): string {
  if (errors.length === 0) return 'no data and no error';
  return errors.map((e) => (e.extensions?.code ? `${e.message} (${e.extensions.code})` : e.message)).join('; ');
}

function parseBody(text: string): { data?: unknown; errors?: GraphQLErrorEntry[] } | null {
  try {
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown } | null;
    if (typeof body !== 'object' || body === null || !('data' in body || 'errors' in body)) return null;
    if (body.errors !== undefined && !Array.isArray(body.errors)) return null;
    return body as { data?: unknown; errors?: GraphQLErrorEntry[] };
  } catch {
    return null;
  }
}

/** Node's fetch says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND…) in its cause. */
function fetchFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

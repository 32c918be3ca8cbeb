import { CliError } from '../command';

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

/**
 * The API over HTTP: POST <base url>/graphql with the API key as a bearer token. A server that
 * cannot be reached, or answers with anything but a GraphQL response, fails with exit code 2.
 */
export class HttpGraphQLClient implements GraphQLTransport {
  readonly endpoint: string;

  /** The API's base URL; its /graphql endpoint, as the README shows it, is taken too. */
  constructor(baseUrl: string, private readonly apiKey: string) {
    this.endpoint = `${baseUrl.replace(/\/+$/, '').replace(/\/graphql$/, '')}/graphql`;
  }

  async request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new CliError(`cannot reach ${this.endpoint}: ${fetchFailure(error)}`, 2);
    }
    const body = parseBody(text);
    if (!body) throw new CliError(`${this.endpoint} answered HTTP ${status} with no GraphQL response: ${text.slice(0, 200) || '(empty)'}`, 2);
    return { data: (body.data ?? null) as T | null, errors: body.errors ?? [] };
  }
}

/** The data of a request that must succeed whole: any error fails the command (exit 2) with the server's words. */
export async function requestWhole<T>(client: GraphQLTransport, what: string, query: string, variables?: Record<string, unknown>): Promise<T> {
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

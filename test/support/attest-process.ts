import type { GraphQLCaller, GraphQLResponse } from './test-app';

export { AttestProcess, freePort } from '../../bench/support/attest-process';

/** GraphQL over HTTP to an API in another process (an AttestProcess), for the fixtures. */
export function httpCaller(port: number, adminKey: string): GraphQLCaller {
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    adminKey,
    async gql<T>(key: string | undefined, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: GraphQLResponse<T>['errors'] };
      return { status: res.status, data: body.data ?? null, errors: body.errors, headers: Object.fromEntries(res.headers) };
    },
  };
}

import { request } from 'node:http';
import type { GraphQLCaller, GraphQLResponse } from './test-app';

export { AttestProcess, freePort } from '../../bench/support/attest-process';

/**
 * GraphQL over HTTP to an API in another process (an AttestProcess), for the fixtures. Each call
 * opens its own connection: a kept-alive one can be closed by the server (its idle timeout) while
 * a test blocks its own event loop (a CLI run with spawnSync), and the next request on it then
 * fails with "other side closed".
 */
export function httpCaller(port: number, adminKey: string): GraphQLCaller {
  return {
    adminKey,
    async gql<T>(key: string | undefined, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const res = await postJson(
        port,
        '/graphql',
        { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
        { query, variables },
      );
      const body = JSON.parse(res.body) as { data?: T; errors?: GraphQLResponse<T>['errors'] };
      return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
    },
  };
}

function postJson(
  port: number,
  path: string,
  headers: Record<string, string>,
  payload: unknown,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from '../command';
import { HttpGraphQLClient } from './graphql-client';
import { RateLimitPatience } from './retry-after';

/** A server that answers each POST with the next of the scripted answers. */
async function scriptedServer(
  answers: ((res: ServerResponse) => void)[],
): Promise<{ url: string; server: Server; requests: () => number }> {
  let served = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answers[Math.min(served++, answers.length - 1)](res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests: () => served };
}

const tooMany =
  (headers: Record<string, string>, status = 429) =>
  (res: ServerResponse) =>
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify({ errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] }));
const answer = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ok: true } }));

describe('HttpGraphQLClient and rate limits', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function clientFor(answers: ((res: ServerResponse) => void)[], patience = new RateLimitPatience()) {
    const scripted = await scriptedServer(answers);
    server = scripted.server;
    const waits: number[] = [];
    const said: number[] = [];
    const client = new HttpGraphQLClient(scripted.url, 'key', {
      patience,
      sleep: async (ms) => waits.push(ms),
      onWait: (s) => said.push(s),
    });
    return { client, waits, said, requests: scripted.requests };
  }

  it('waits out 429 as Retry-After asks, then returns the answer', async () => {
    const { client, waits, said, requests } = await clientFor([tooMany({ 'retry-after': '2' }), tooMany({ 'retry-after': '1' }), answer]);
    expect(await client.request('{ ok }')).toEqual({ data: { ok: true }, errors: [] });
    expect(waits).toEqual([2000, 1000]);
    expect(said).toEqual([2, 1]);
    expect(requests()).toBe(3);
  });

  it('waits out a 503 that says when to come back; a 503 that does not is an answer', async () => {
    const retried = await clientFor([tooMany({ 'retry-after': '3' }, 503), answer]);
    expect(await retried.client.request('{ ok }')).toMatchObject({ data: { ok: true } });
    expect(retried.waits).toEqual([3000]);
    server!.close();

    const plain = await clientFor([tooMany({}, 503), answer]);
    expect(await plain.client.request('{ ok }')).toMatchObject({ data: null, errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(plain.requests()).toBe(1);
  });

  it('gives up with exit code 2 once the waits would pass its budget, and says how long it waited', async () => {
    const { client, waits } = await clientFor([tooMany({ 'retry-after': '4' })], new RateLimitPatience(10));
    const failure = await client.request('{ ok }').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/kept answering HTTP 429 \(too many requests\): gave up after waiting 8 s in all$/),
    });
    expect(waits).toEqual([4000, 4000]);
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RECEIVER_UNREACHABLE, sendWebhook } from './webhook-sender';

/** A real receiver on an ephemeral port; `respond` decides each answer. */
async function startReceiver(respond: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const received: { headers: IncomingMessage['headers']; body: string; method?: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body, method: req.method });
      respond(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A name nothing resolves: the request reaches the receiver only through the pinned address.
  const url = new URL(`http://receiver.attest.test:${(server.address() as AddressInfo).port}/hook`);
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, received, close };
}

describe('sendWebhook', () => {
  const closers: (() => Promise<void>)[] = [];
  const loopback = { address: '127.0.0.1', family: 4 as const };
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function receiver(respond: Parameters<typeof startReceiver>[0]) {
    const started = await startReceiver(respond);
    closers.push(started.close);
    return started;
  }

  it('POSTs the body and headers to the checked address (no second DNS look-up) and reports a 2xx as ok', async () => {
    const { url, received } = await receiver((_req, _body, res) => res.writeHead(202).end('x'.repeat(800)));
    const result = await sendWebhook({
      url,
      address: loopback,
      body: '{"a":1}',
      headers: { 'Attest-Event': 'decision.recorded' },
      timeoutMs: 2000,
    });
    expect(result).toEqual({ ok: true, statusCode: 202, error: null, durationMs: expect.any(Number) });
    expect(received).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: '{"a":1}',
        headers: expect.objectContaining({ host: url.host, 'attest-event': 'decision.recorded', 'content-type': 'application/json' }),
      }),
    ]);
  });

  it('reports a 500 as not ok with the status, and nothing of the answer', async () => {
    const { url } = await receiver((_req, _body, res) => res.writeHead(500).end('database down'));
    const result = await sendWebhook({ url, address: loopback, body: '{}', headers: {}, timeoutMs: 2000 });
    expect(result).toEqual({ ok: false, statusCode: 500, error: 'HTTP 500', durationMs: expect.any(Number) });
    expect(JSON.stringify(result)).not.toContain('database down');
  });

  it('does not follow a redirect', async () => {
    const { url, received } = await receiver((_req, _body, res) => res.writeHead(307, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    expect(await sendWebhook({ url, address: loopback, body: '{}', headers: {}, timeoutMs: 2000 })).toMatchObject({
      ok: false,
      statusCode: 307,
    });
    expect(received).toHaveLength(1);
  });

  it('says the same about a receiver slower than the timeout and a closed port, so ports cannot be told apart', async () => {
    const slow = await receiver(() => undefined); // never answers
    const timedOut = await sendWebhook({ url: slow.url, address: loopback, body: '{}', headers: {}, timeoutMs: 100 });
    const closed = await startReceiver(() => undefined);
    await closed.close(); // the port is now closed
    const refused = await sendWebhook({ url: closed.url, address: loopback, body: '{}', headers: {}, timeoutMs: 2000 });
    for (const result of [timedOut, refused]) {
      expect(result).toEqual({ ok: false, statusCode: null, error: RECEIVER_UNREACHABLE, durationMs: expect.any(Number) });
    }
  });
});

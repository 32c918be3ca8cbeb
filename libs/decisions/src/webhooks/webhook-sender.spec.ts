import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from './webhook-sender';

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
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, received, close };
}

describe('sendWebhook', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function receiver(respond: Parameters<typeof startReceiver>[0]) {
    const started = await startReceiver(respond);
    closers.push(started.close);
    return started;
  }

  it('POSTs the body and headers and reports a 2xx as ok, with the start of the answer', async () => {
    const { url, received } = await receiver((_req, _body, res) => res.writeHead(202).end('x'.repeat(800)));
    const result = await sendWebhook({ url, body: '{"a":1}', headers: { 'Attest-Event': 'decision.recorded' }, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: true, statusCode: 202, error: null, responseSnippet: 'x'.repeat(500) });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(received).toEqual([
      expect.objectContaining({ method: 'POST', body: '{"a":1}', headers: expect.objectContaining({ 'attest-event': 'decision.recorded', 'content-type': 'application/json' }) }),
    ]);
  });

  it('reports a 500 as not ok, with the status and the answer', async () => {
    const { url } = await receiver((_req, _body, res) => res.writeHead(500).end('database down'));
    expect(await sendWebhook({ url, body: '{}', headers: {}, timeoutMs: 2000 })).toMatchObject({
      ok: false,
      statusCode: 500,
      error: 'HTTP 500',
      responseSnippet: 'database down',
    });
  });

  it('does not follow a redirect', async () => {
    const { url, received } = await receiver((_req, _body, res) => res.writeHead(307, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    expect(await sendWebhook({ url, body: '{}', headers: {}, timeoutMs: 2000 })).toMatchObject({ ok: false, statusCode: 307 });
    expect(received).toHaveLength(1);
  });

  it('gives up on a receiver slower than the timeout', async () => {
    const { url } = await receiver(() => undefined); // never answers
    const result = await sendWebhook({ url, body: '{}', headers: {}, timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, statusCode: null, error: 'timed out after 100 ms', responseSnippet: null });
    expect(result.durationMs).toBeGreaterThanOrEqual(90);
  });

  it('reports a refused connection without throwing', async () => {
    const { url, close } = await startReceiver(() => undefined);
    await close(); // the port is now closed
    const result = await sendWebhook({ url, body: '{}', headers: {}, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, statusCode: null, responseSnippet: null });
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses URLs that are not http or https', async () => {
    expect(await sendWebhook({ url: 'file:///etc/passwd', body: '{}', headers: {}, timeoutMs: 100 })).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'refused URL scheme file: (only http and https)',
    });
    expect((await sendWebhook({ url: 'not a url', body: '{}', headers: {}, timeoutMs: 100 })).error).toBe('refused: not a valid URL');
  });
});

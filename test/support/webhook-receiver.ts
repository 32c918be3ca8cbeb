import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  url: string;
  /** Every request so far: its `attest-event` header and JSON body, in arrival order. */
  received: { event: string; body: any }[];
  close(): Promise<void>;
}

/** A local webhook receiver on loopback that answers 200 to everything (subscribe with ATTEST_WEBHOOK_ALLOW_PRIVATE=127.0.0.1). */
export async function webhookReceiver(): Promise<WebhookReceiver> {
  const received: { event: string; body: any }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ event: String(req.headers['attest-event']), body: JSON.parse(body) });
      res.writeHead(200).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface WebhookRequest {
  url: URL;
  /** The address the URL's host was resolved to and checked at: the connection goes there and nowhere else. */
  address: { address: string; family: 4 | 6 };
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface WebhookResult {
  /** A 2xx answer. */
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** Why there is no 2xx: the status, or RECEIVER_UNREACHABLE. */
  error: string | null;
}

/**
 * The one text for every failure to get an answer: refused, reset, timed out, DNS failure. Distinct
 * texts (or timings in words) would let a subscriber scan which ports and hosts answer.
 */
export const RECEIVER_UNREACHABLE = 'the receiver could not be reached';

/**
 * POSTs one delivery to the checked address. Never throws for what a receiver or the network does:
 * the outcome is data for the delivery record and the retry decision. Redirects are not followed
 * (a 3xx is a failure), so a receiver cannot bounce a delivery to another host. The answer's body
 * is never read: only its status counts, and nothing of it is shown to the subscriber.
 */
export function sendWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const send = request.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const settle = (statusCode: number | null) => {
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({
        ok,
        statusCode,
        durationMs: elapsed(),
        error: ok ? null : statusCode === null ? RECEIVER_UNREACHABLE : `HTTP ${statusCode}`,
      });
    };
    const outgoing = send(
      request.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Attest-Webhooks/1',
          ...request.headers,
          'content-length': Buffer.byteLength(request.body),
        },
        lookup: pinnedLookup(request.address),
        agent: false, // no pooled connection, which could have been opened to an address checked under other rules
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (response: IncomingMessage) => {
        settle(response.statusCode ?? null);
        response.destroy();
      },
    );
    outgoing.on('error', () => settle(null)); // a second settle after the answer is ignored by the promise
    outgoing.end(request.body);
  });
}

/** A DNS look-up that answers the checked address, so the socket connects where the check looked (TLS still verifies the name). */
function pinnedLookup({ address, family }: WebhookRequest['address']): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

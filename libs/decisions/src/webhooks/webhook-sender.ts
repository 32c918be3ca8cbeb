export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface WebhookResult {
  /** A 2xx answer. */
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** Why there is no 2xx: a network error, a timeout, a refused URL or the status. */
  error: string | null;
  /** The first characters of the answer, for the delivery log. */
  responseSnippet: string | null;
}

const SNIPPET_CHARS = 500;
/** Enough bytes for 500 characters of UTF-8; the rest of a large answer is never downloaded. */
const SNIPPET_BYTES = SNIPPET_CHARS * 4;

/**
 * POSTs one delivery. Never throws for what a receiver or the network does: the outcome is data
 * for the delivery record and the retry decision. Redirects are not followed (a 3xx is a failure),
 * so a receiver cannot bounce a delivery to another host.
 */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = refusedUrl(request.url);
  if (refused) return { ok: false, statusCode: null, durationMs: 0, error: refused, responseSnippet: null };
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Attest-Webhooks/1', ...request.headers },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const responseSnippet = await readSnippet(response);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, durationMs: elapsed(), error: ok ? null : `HTTP ${response.status}`, responseSnippet };
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: elapsed(), error: describe(error, request.timeoutMs), responseSnippet: null };
  }
}

function refusedUrl(url: string): string | null {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? null : `refused URL scheme ${protocol} (only http and https)`;
  } catch {
    return 'refused: not a valid URL';
  }
}

/** Best effort: the status is the answer, so a body that breaks off keeps what arrived. */
async function readSnippet(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // Keep the chunks read so far.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > 0 ? text.slice(0, SNIPPET_CHARS) : null;
}

/**
 * fetch reports network failures as "fetch failed" with the reason in `cause`. Read by shape, not
 * `instanceof`: fetch's errors may come from another realm (as under Jest).
 */
function describe(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { message?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  if (typeof message !== 'string') return String(error);
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}

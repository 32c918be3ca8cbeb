import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'Attest-Signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'Attest-Timestamp';
export const WEBHOOK_DELIVERY_ID_HEADER = 'Attest-Delivery-Id';
export const WEBHOOK_EVENT_HEADER = 'Attest-Event';

/** How far a signed timestamp may be from the receiver's clock: the replay window. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookVerification = { ok: true } | { ok: false; reason: 'stale' | 'bad_signature' | 'malformed' };

/**
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`. Signing the timestamp with the body lets a
 * receiver refuse old deliveries replayed by whoever saw one.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  if (secret.length === 0) throw new Error('signWebhook: the secret must not be empty');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error(`signWebhook: timestamp must be unix seconds, got ${timestamp}`);
  return `v1=${hmacHex(secret, timestamp, body)}`;
}

/** The four headers of one delivery, signed now. */
export function signedWebhookHeaders(input: {
  secret: string;
  body: string;
  deliveryId: string;
  event: string;
  timestamp?: number;
}): Record<string, string> {
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(input.secret, timestamp, input.body),
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_DELIVERY_ID_HEADER]: input.deliveryId,
    [WEBHOOK_EVENT_HEADER]: input.event,
  };
}

/**
 * What a receiver runs on the raw body. The signature header may hold several comma-separated
 * `v1=` values (one per secret while a secret is rotated); one match is enough. Values in other
 * schemes are ignored, so a later scheme can be added beside v1.
 */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | number | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): WebhookVerification {
  const timestamp = Number(headers.timestamp);
  const candidates = (headers.signature ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (
    !/^\d{1,15}$/.test(String(headers.timestamp ?? '')) ||
    candidates.length === 0 ||
    !candidates.every((c) => /^[0-9a-f]{64}$/i.test(c))
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  // Every candidate is compared, so the time taken does not tell which one matched.
  const matches = candidates.filter((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  // Signature first: 'stale' is only ever said of a genuine (replayed or delayed) delivery.
  if (matches.length === 0) return { ok: false, reason: 'bad_signature' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

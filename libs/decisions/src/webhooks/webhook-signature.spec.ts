import {
  signedWebhookHeaders,
  signWebhook,
  verifyWebhook,
  WEBHOOK_DELIVERY_ID_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from './webhook-signature';

const secret = 'whsec_test_secret';
const body = '{"event":"decision.recorded","id":"d-1"}';
const at = 1_700_000_000;

describe('signWebhook', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    // Computed with: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_test_secret
    expect(signWebhook(secret, at, body)).toBe('v1=0adb34438bfabefbd6d3efeecdc12b80f3804a515a4ce6b8ffc30c03d547ff8e');
  });

  it('refuses an empty secret and a timestamp that is not unix seconds', () => {
    expect(() => signWebhook('', at, body)).toThrow(/secret must not be empty/);
    expect(() => signWebhook(secret, 1.5, body)).toThrow(/unix seconds/);
  });

  it('builds the four delivery headers', () => {
    expect(signedWebhookHeaders({ secret, body, deliveryId: 'dl-1', event: 'decision.recorded', timestamp: at })).toEqual({
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, at, body),
      [WEBHOOK_TIMESTAMP_HEADER]: '1700000000',
      [WEBHOOK_DELIVERY_ID_HEADER]: 'dl-1',
      [WEBHOOK_EVENT_HEADER]: 'decision.recorded',
    });
    expect([WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_DELIVERY_ID_HEADER, WEBHOOK_EVENT_HEADER]).toEqual([
      'Attest-Signature',
      'Attest-Timestamp',
      'Attest-Delivery-Id',
      'Attest-Event',
    ]);
  });
});

describe('verifyWebhook', () => {
  const signature = signWebhook(secret, at, body);

  it('accepts a genuine delivery within five minutes either way', () => {
    expect(verifyWebhook(secret, { signature, timestamp: String(at) }, body, at)).toEqual({ ok: true });
    expect(verifyWebhook(secret, { signature, timestamp: at }, body, at + 300)).toEqual({ ok: true });
    expect(verifyWebhook(secret, { signature, timestamp: at }, body, at - 300)).toEqual({ ok: true });
  });

  it('calls a genuine delivery outside the window stale (a replay)', () => {
    expect(verifyWebhook(secret, { signature, timestamp: at }, body, at + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhook(secret, { signature, timestamp: at }, body, at + 30, 10)).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects a changed body, timestamp or secret as a bad signature, even when also stale', () => {
    expect(verifyWebhook(secret, { signature, timestamp: at }, `${body} `, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook(secret, { signature, timestamp: at + 1 }, body, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook('another-secret', { signature, timestamp: at }, body, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook('another-secret', { signature, timestamp: at }, body, at + 9999)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('accepts any one of several v1 values, as sent while a secret is rotated', () => {
    const rotating = `${signWebhook('old-secret', at, body)}, ${signature}`;
    expect(verifyWebhook(secret, { signature: rotating, timestamp: at }, body, at)).toEqual({ ok: true });
    expect(verifyWebhook('old-secret', { signature: rotating, timestamp: at }, body, at)).toEqual({ ok: true });
    expect(verifyWebhook('third-secret', { signature: rotating, timestamp: at }, body, at)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('ignores values in other schemes', () => {
    expect(verifyWebhook(secret, { signature: `v2=abc,${signature}`, timestamp: at }, body, at)).toEqual({ ok: true });
  });

  it('calls missing or garbled headers malformed', () => {
    const malformed = { ok: false, reason: 'malformed' };
    expect(verifyWebhook(secret, { signature: undefined, timestamp: at }, body, at)).toEqual(malformed);
    expect(verifyWebhook(secret, { signature, timestamp: undefined }, body, at)).toEqual(malformed);
    expect(verifyWebhook(secret, { signature, timestamp: '17e8' }, body, at)).toEqual(malformed);
    expect(verifyWebhook(secret, { signature: 'v2=abc', timestamp: at }, body, at)).toEqual(malformed);
    expect(verifyWebhook(secret, { signature: 'v1=not-hex', timestamp: at }, body, at)).toEqual(malformed);
    expect(verifyWebhook(secret, { signature: signature.slice(0, -2), timestamp: at }, body, at)).toEqual(malformed);
  });
});

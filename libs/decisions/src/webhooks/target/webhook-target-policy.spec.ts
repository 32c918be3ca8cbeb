import { parseWebhookAllowList } from '@attest/core';
import { WebhookTargetPolicy } from './webhook-target-policy';

const policy = (allow?: string) => new WebhookTargetPolicy(parseWebhookAllowList(allow).allowList);
const targetOf = (url: string) => WebhookTargetPolicy.read(url) as Exclude<ReturnType<typeof WebhookTargetPolicy.read>, string>;

/** URLs and addresses are strings here: nothing is resolved or connected to. */
describe('WebhookTargetPolicy', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.0.0.1:5432/', 'loopback'],
    ['http://2130706433/', 'loopback'], // decimal
    ['http://0177.0.0.1/', 'loopback'], // octal
    ['http://0x7f.1/', 'loopback'], // hex, short
    ['http://127.1/', 'loopback'], // short
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://10.0.0.5/', 'private'],
    ['http://172.16.3.4/', 'private'],
    ['http://0300.0250.0.1/', 'private'], // 192.168.0.1 in octal
    ['http://[fd00::1]/', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://100.64.0.1/', 'shared (carrier-grade NAT)'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[64:ff9b::7f00:1]/', 'loopback'],
  ])('refuses %s, naming why (%s)', (url, kind) => {
    expect(policy().refusalOfUrl(url)).toMatch(
      new RegExp(
        `is an? ${kind.replace(/[()]/g, '\\$&')} address: webhooks reach only public addresses, unless ATTEST_WEBHOOK_ALLOW_PRIVATE allows it`,
      ),
    );
  });

  it.each([
    'http://localhost/',
    'http://LOCALHOST.:8080/',
    'http://api.localhost/',
    'http://metadata.google.internal/',
    'http://metadata/',
    'http://printer.local/',
    'http://hooks.internal/',
  ])('refuses the internal name in %s', (url) => {
    expect(policy().refusalOfUrl(url)).toMatch(/is an internal name/);
  });

  it.each(['https://example.com/hooks', 'http://93.184.216.34/', 'https://[2606:4700::1]:8443/x', 'http://rebind.attest.test/'])(
    'accepts %s',
    (url) => {
      expect(policy().refusalOfUrl(url)).toBeNull();
    },
  );

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'not a url'])('refuses %s, which is not http(s)', (url) => {
    expect(policy().refusalOfUrl(url)).toBe('url must be an http(s) URL');
  });

  it('lets the allow-list open networks, hosts and host:port, and nothing more', () => {
    const allowing = policy('10.1.2.0/24, 127.0.0.1, hooks.internal:8443, localhost');
    expect(allowing.refusalOfUrl('http://10.1.2.9/')).toBeNull();
    expect(allowing.refusalOfUrl('http://10.1.3.9/')).toMatch(/private address/);
    expect(allowing.refusalOfUrl('http://127.0.0.1:5432/')).toBeNull();
    expect(allowing.refusalOfUrl('http://2130706433:9/')).toBeNull(); // the same address in another notation
    expect(allowing.refusalOfUrl('http://127.0.0.2/')).toMatch(/loopback/);
    expect(allowing.refusalOfUrl('https://hooks.internal:8443/')).toBeNull();
    expect(allowing.refusalOfUrl('https://hooks.internal/')).toMatch(/internal name/);
    expect(allowing.refusalOfUrl('http://localhost:3000/')).toBeNull();
    expect(policy('0.0.0.0/0').refusalOfUrl('http://0.0.0.0/')).toMatch(/unspecified/); // never a receiver
    expect(policy('224.0.0.0/4').refusalOfUrl('http://224.0.0.1/')).toMatch(/multicast/);
  });

  describe('at delivery, on the resolved addresses', () => {
    it('refuses when any address is not public', () => {
      const target = targetOf('https://hooks.example.com/');
      expect(policy().refusalOfResolved(target, ['93.184.216.34'])).toBeNull();
      expect(policy().refusalOfResolved(target, ['93.184.216.34', '127.0.0.1'])).toBe(
        "refused: the receiver's address is not public (loopback)",
      );
      expect(policy().refusalOfResolved(target, ['::ffff:169.254.169.254'])).toBe(
        "refused: the receiver's address is not public (link-local)",
      );
      expect(policy().refusalOfResolved(target, [])).toBe('refused: the receiver resolves to no address');
      expect(policy().refusalOfResolved(target, ['garbage'])).toMatch(/not public/);
    });

    it('allows what the allow-list names: an address in its networks, or any address of a named host', () => {
      expect(policy('10.1.2.0/24').refusalOfResolved(targetOf('https://hooks.example.com/'), ['10.1.2.3'])).toBeNull();
      expect(policy('hooks.corp.example:8443').refusalOfResolved(targetOf('https://hooks.corp.example:8443/'), ['10.9.9.9'])).toBeNull();
      expect(policy('hooks.corp.example:8443').refusalOfResolved(targetOf('https://hooks.corp.example/'), ['10.9.9.9'])).toMatch(/private/);
      expect(policy('hooks.corp.example').refusalOfResolved(targetOf('https://hooks.corp.example/'), ['0.0.0.0'])).toMatch(/unspecified/);
    });
  });
});

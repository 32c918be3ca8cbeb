import { loadConfig } from './attest-config';
import { parseWebhookAllowList } from './webhook-allow-list';

describe('parseWebhookAllowList', () => {
  it('reads CIDRs, addresses and host[:port]', () => {
    expect(parseWebhookAllowList(' 10.1.2.0/24,fd00::/8 , 127.0.0.1,hooks.internal:8443,[fd00::1]:9000,Hooks.Example.').allowList).toEqual({
      networks: [
        { address: '10.1.2.0', prefix: 24, family: 'ipv4' },
        { address: 'fd00::', prefix: 8, family: 'ipv6' },
        { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      ],
      hosts: [{ host: 'hooks.internal', port: 8443 }, { host: 'fd00::1', port: 9000 }, { host: 'hooks.example' }],
    });
  });

  it('says what is wrong with each bad entry', () => {
    expect(parseWebhookAllowList('10.1.2.0/33,nope/8,http://x/y,a b').problems).toEqual([
      '"10.1.2.0/33": the prefix length must be 0–32',
      '"nope/8": a CIDR needs an IP address before the "/"',
      '"http://x/y": a CIDR needs an IP address before the "/"',
      '"a b": not a CIDR, an IP address nor a host[:port]',
    ]);
  });

  it('stops the start on a bad entry, naming the setting', () => {
    expect(() => loadConfig({ ATTEST_WEBHOOK_ALLOW_PRIVATE: '10.0.0.0/99' })).toThrow(
      /ATTEST_WEBHOOK_ALLOW_PRIVATE: "10.0.0.0\/99": the prefix length must be 0–32/,
    );
    expect(loadConfig({}).webhooks).toMatchObject({ allowPrivate: { networks: [], hosts: [] }, maxSubscriptionsPerAutomation: 10 });
  });
});

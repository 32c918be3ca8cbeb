import { isIP } from 'node:net';

/**
 * The private webhook targets an operator allows (`ATTEST_WEBHOOK_ALLOW_PRIVATE`), parsed at boot.
 * Without it, webhooks reach only public addresses: this is the one way to reach a receiver inside
 * the network, and an explicit one.
 */
export interface WebhookAllowList {
  /** Networks whose addresses may be targeted on any port, e.g. `10.1.2.0/24`, `fd00:1::/64`, `127.0.0.1` (a /32). */
  networks: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[];
  /** Hosts named in the URL (a name or an IP literal), on one port or any, whatever they resolve to. */
  hosts: { host: string; port?: number }[];
}

export const EMPTY_WEBHOOK_ALLOW_LIST: WebhookAllowList = { networks: [], hosts: [] };

/**
 * Comma-separated entries, each one of: a CIDR (`10.1.2.0/24`, `fd00::/8`), an IP address (`10.1.2.3`,
 * `fd00::1`: that address on any port), or a host with an optional port (`hooks.internal`,
 * `hooks.internal:8443`, `10.1.2.3:8443`, `[fd00::1]:8443`). Returns the problems in words.
 */
export function parseWebhookAllowList(raw: string | undefined): { allowList: WebhookAllowList; problems: string[] } {
  const allowList: WebhookAllowList = { networks: [], hosts: [] };
  const problems: string[] = [];
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') problems.push(`"${entry}": ${parsed}`);
    else if ('prefix' in parsed) allowList.networks.push(parsed);
    else allowList.hosts.push(parsed);
  }
  return { allowList, problems };
}

type Entry = WebhookAllowList['networks'][number] | WebhookAllowList['hosts'][number];

function parseEntry(entry: string): Entry | string {
  const slash = entry.indexOf('/');
  if (slash >= 0) return parseNetwork(entry.slice(0, slash), entry.slice(slash + 1));
  const family = isIP(entry);
  if (family !== 0) return { address: entry, prefix: family === 4 ? 32 : 128, family: family === 4 ? 'ipv4' : 'ipv6' };
  return parseHost(entry);
}

function parseNetwork(address: string, prefixText: string): Entry | string {
  const family = isIP(address);
  if (family === 0) return 'a CIDR needs an IP address before the "/"';
  const prefix = Number(prefixText);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || prefix > max) return `the prefix length must be 0–${max}`;
  return { address, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/** Read with WHATWG URL, so that a host matches the URLs it would appear in (lower case, IPv4 normalised). */
function parseHost(entry: string): Entry | string {
  let url: URL;
  try {
    url = new URL(`http://${entry}`);
  } catch {
    return 'not a CIDR, an IP address nor a host[:port]';
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return 'not a CIDR, an IP address nor a host[:port]';
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  // WHATWG URL drops the default port (80): keep an explicit one from the text.
  const portText = /:(\d+)$/.exec(entry)?.[1];
  return portText === undefined ? { host } : { host, port: Number(portText) };
}

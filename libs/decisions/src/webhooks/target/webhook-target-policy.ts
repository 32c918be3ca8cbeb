import { BlockList, isIP } from 'node:net';
import type { WebhookAllowList } from '@attest/core';
import { classifyAddress, NEVER_ALLOWED, type AddressClass } from './address-class';

/** A URL read the way fetch and http would read it: WHATWG normalises 2130706433, 0x7f.1, 127.1 to 127.0.0.1. */
export interface WebhookTarget {
  url: URL;
  /** Lower case, without IPv6 brackets or a trailing dot. */
  host: string;
  port: number;
  isAddress: boolean;
}

const ALLOW_SETTING = 'ATTEST_WEBHOOK_ALLOW_PRIVATE';

/** Names that point inside the network by definition, whatever DNS says today. */
function isInternalName(host: string): boolean {
  if (!host.includes('.')) return true; // single labels (localhost, metadata, redis) resolve through search domains to internal hosts
  return /\.(localhost|internal|local|localdomain|home\.arpa)$/.test(host);
}

/**
 * Whether a webhook may target a URL: only public addresses, unless the operator's allow-list names
 * the host or the network. Checked on the URL at subscription and on every resolved address at
 * delivery (a name can resolve elsewhere by then). Returns why not, in words, or null.
 */
export class WebhookTargetPolicy {
  private readonly allowedNetworks = new BlockList();

  constructor(private readonly allowList: WebhookAllowList) {
    for (const n of allowList.networks) this.allowedNetworks.addSubnet(n.address, n.prefix, n.family);
  }

  /** Reads the URL; a string is why it is refused. */
  static read(rawUrl: string): WebhookTarget | string {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return 'url must be an http(s) URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'url must be an http(s) URL';
    const host = url.hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '')
      .toLowerCase();
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    return { url, host, port, isAddress: isIP(host) !== 0 };
  }

  /** At subscription: the URL as written, without DNS. */
  refusalOfUrl(rawUrl: string): string | null {
    const target = WebhookTargetPolicy.read(rawUrl);
    if (typeof target === 'string') return target;
    if (target.isAddress) return this.refusalOfAddress(target, target.host);
    if (this.allowsHost(target)) return null;
    return isInternalName(target.host)
      ? `url's host ${target.host} is an internal name: webhooks reach only public hosts, unless ${ALLOW_SETTING} allows it`
      : null;
  }

  /** At delivery: every address the host resolved to must be allowed (one bad answer is enough to refuse). */
  refusalOfResolved(target: WebhookTarget, addresses: readonly string[]): string | null {
    if (addresses.length === 0) return 'refused: the receiver resolves to no address';
    for (const address of addresses) {
      if (this.refusalOfAddress(target, address)) return `refused: the receiver's address is not public (${classifyAddress(address)})`;
    }
    return null;
  }

  private refusalOfAddress(target: WebhookTarget, address: string): string | null {
    const kind: AddressClass = classifyAddress(address);
    if (kind === 'public') return null;
    if (!NEVER_ALLOWED.includes(kind) && (this.allowsHost(target) || this.allowsNetwork(address))) return null;
    return `url's host ${target.host} is ${article(kind)} ${kind} address: webhooks reach only public addresses, unless ${ALLOW_SETTING} allows it`;
  }

  private allowsHost(target: WebhookTarget): boolean {
    return this.allowList.hosts.some((h) => h.host === target.host && (h.port === undefined || h.port === target.port));
  }

  private allowsNetwork(address: string): boolean {
    try {
      return this.allowedNetworks.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
    } catch {
      return false; // fail closed: an address the list cannot read is not allowed
    }
  }
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}

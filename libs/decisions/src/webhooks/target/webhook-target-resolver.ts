import { Injectable } from '@nestjs/common';
import { isIP } from 'node:net';
import { RECEIVER_UNREACHABLE } from '../webhook-sender';
import { WebhookDns, type ResolvedAddress } from './webhook-dns';
import { WebhookTargetPolicy, type WebhookTarget } from './webhook-target-policy';

export type ResolvedTarget = { target: WebhookTarget; address: ResolvedAddress } | { refused: string };

/**
 * At delivery: checks the URL again (the allow-list may have changed), resolves its host once and
 * checks every address. The caller connects to the address returned, never resolving again, so
 * what was checked is what is reached (a second resolution could answer 127.0.0.1: DNS rebinding).
 */
@Injectable()
export class WebhookTargetResolver {
  constructor(
    private readonly policy: WebhookTargetPolicy,
    private readonly dns: WebhookDns,
  ) {}

  async resolve(rawUrl: string): Promise<ResolvedTarget> {
    const refusal = this.policy.refusalOfUrl(rawUrl);
    if (refusal) return { refused: `refused: ${refusal}` };
    const target = WebhookTargetPolicy.read(rawUrl) as WebhookTarget;
    const addresses = target.isAddress ? [{ address: target.host, family: isIP(target.host) as 4 | 6 }] : await this.lookup(target.host);
    // A DNS failure reads like any other unreachable receiver: its text must not tell names apart.
    if (!addresses) return { refused: RECEIVER_UNREACHABLE };
    const refusedAddress = this.policy.refusalOfResolved(
      target,
      addresses.map((a) => a.address),
    );
    return refusedAddress ? { refused: refusedAddress } : { target, address: addresses[0] };
  }

  private async lookup(host: string): Promise<ResolvedAddress[] | undefined> {
    try {
      return await this.dns.lookup(host);
    } catch {
      return undefined;
    }
  }
}

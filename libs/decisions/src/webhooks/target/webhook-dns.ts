import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a receiver's host name the way the operating system would (hosts file, search domains),
 * every address at once, so that each can be checked. A provider of its own so that tests can
 * stand in for DNS (a name that answers differently later, as in DNS rebinding).
 */
@Injectable()
export class WebhookDns {
  async lookup(hostname: string): Promise<ResolvedAddress[]> {
    const answers = await lookup(hostname, { all: true, verbatim: true });
    return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';

/**
 * Express's `trust proxy` from ATTEST_TRUST_PROXY, so that req.secure (a session cookie's Secure) and
 * req.ip (rate limits of public routes) follow X-Forwarded-Proto/For from the proxies trusted, and
 * only from them. Off by default: a client could otherwise claim any address or scheme.
 */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<{ set?(name: string, value: unknown): void }>();
    app?.set?.('trust proxy', this.config.trustProxy);
  }
}

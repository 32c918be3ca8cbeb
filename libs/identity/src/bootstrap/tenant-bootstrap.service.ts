import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { DataSource } from 'typeorm';
import { SessionsService, SIGN_IN_LINK_MINUTES } from '../sessions/sessions.service';
import { TenantsService } from '../tenants.service';

/**
 * On the first start of an empty database: a `default` tenant and its admin (a person), with an
 * admin API key and a one-time sign-in link for the console, printed once.
 */
@Injectable()
export class TenantBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly tenants: TenantsService,
    private readonly sessions: SessionsService,
    private readonly dataSource: DataSource,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.tenants.countTenants()) > 0) return;
    // Two processes starting on one empty database: the advisory lock lets only one create it.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(7400215002)');
      if ((await this.tenants.countTenants()) > 0) return;
      const created = await this.tenants.createTenant({ name: 'Default', slug: 'default', apiKey: this.config.bootstrapApiKey });
      if (this.config.bootstrapApiKey) {
        this.logger.log(`Created tenant "default"; its admin key is ATTEST_BOOTSTRAP_API_KEY`);
      } else {
        const link = await this.sessions.issueLink(
          { tenantId: created.tenant.id, principalId: null, correlationId: `bootstrap-${created.tenant.id}` },
          created.admin.id,
        );
        printFirstKey(created.apiKey, link.url, created.admin.id, this.config.port);
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock(7400215002)').catch(() => undefined);
      await runner.release();
    }
  }
}

function printFirstKey(apiKey: string, signInUrl: string, adminId: string, port: number): void {
  const query = JSON.stringify({ query: '{ me { id name roles { role } } }' });
  process.stdout.write(
    [
      '',
      'Attest created the tenant "default" and its first admin API key. It is shown once; store it now:',
      '',
      `  ${apiKey}`,
      '',
      'Try it:',
      `  curl -s http://localhost:${port}/graphql -H 'Authorization: Bearer ${apiKey}' \\`,
      `    -H 'content-type: application/json' -d '${query}'`,
      '',
      `Sign in to the console as the admin: open this link within ${SIGN_IN_LINK_MINUTES} minutes (it works once):`,
      '',
      `  ${signInUrl}`,
      '',
      `A new link later: attest login-link --principal ${adminId}`,
      '',
    ].join('\n') + '\n',
  );
}

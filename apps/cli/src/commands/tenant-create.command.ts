import { UsageError } from '../args';
import { defineCommand } from '../command';
import { createTenantOrExplain } from '../create-tenant';
import { withLocalApp } from '../local/local-app';
import { loadCliConfig } from '../local/cli-config';

/** Slugs appear in URLs and scripts: keep them plain. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const tenantCreateCommand = defineCommand({
  name: 'tenant create',
  summary: 'Create a tenant and its admin; prints the admin API key once',
  description:
    'Creates a tenant with an admin principal and an API key for it, on DATABASE_URL or the embedded PostgreSQL ' +
    '(migrating it first, as the API does). The key is shown once and cannot be recovered: store it now (a lost key is ' +
    'replaced with "attest key issue"). The embedded database must not be in use by a running Attest.',
  options: {
    name: { type: 'string', required: true, description: 'display name, e.g. "Acme Insurance"' },
    slug: { type: 'string', required: true, description: 'unique short name: lowercase letters, digits and dashes' },
  },
  async run(options, io) {
    if (!SLUG.test(options.slug)) throw new UsageError(`--slug "${options.slug}" must be lowercase letters, digits and dashes`);
    await withLocalApp(loadCliConfig(), async (app) => {
      const created = await createTenantOrExplain(app, { name: options.name, slug: options.slug });
      io.out(
        [
          `Created tenant "${created.tenant.slug}" (${created.tenant.id}) with admin principal ${created.admin.id}.`,
          'Admin API key (shown once, store it now):',
          '',
          `  ${created.apiKey}`,
          '',
        ].join('\n'),
      );
    });
  },
});

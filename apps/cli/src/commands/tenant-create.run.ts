import { UsageError } from '../args';
import type { CommandRun } from '../command';
import { createTenantOrExplain } from '../create-tenant';
import { loadCliConfig } from '../local/cli-config';
import { withLocalApp } from '../local/local-app';
import type { tenantCreateOptions } from './tenant-create.command';

/** Slugs appear in URLs and scripts: keep them plain. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const run: CommandRun<typeof tenantCreateOptions> = async (options, io) => {
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
};

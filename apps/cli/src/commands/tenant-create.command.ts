import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const tenantCreateOptions = {
  name: { type: 'string', required: true, description: 'display name, e.g. "Acme Insurance"' },
  slug: { type: 'string', required: true, description: 'unique short name: lowercase letters, digits and dashes' },
} satisfies OptionSpecs;

export const tenantCreateCommand = defineCommand({
  name: 'tenant create',
  summary: 'Create a tenant and its admin; prints the admin API key once',
  description:
    'Creates a tenant with an admin principal and an API key for it, on DATABASE_URL or the embedded PostgreSQL ' +
    '(migrating it first, as the API does). The key is shown once and cannot be recovered: store it now (a lost key is ' +
    'replaced with "attest key issue"). The embedded database must not be in use by a running Attest.',
  options: tenantCreateOptions,
  load: () => import('./tenant-create.run'),
});

import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const principalsListOptions = {
  tenant: { type: 'string', valueName: 'slug', description: 'only this tenant, by slug or id' },
} satisfies OptionSpecs;

export const principalsListCommand = defineCommand({
  name: 'principals list',
  summary: 'List the principals of a tenant (or of all) with their ids and roles, for "attest key issue"',
  description:
    'Prints one line per principal: tenant, id, kind, roles, name (disabled ones marked), read from DATABASE_URL or the ' +
    'embedded PostgreSQL (which must not be in use by a running Attest: with one running, ask the API, principals).',
  options: principalsListOptions,
  load: () => import('./principals-list.run'),
});

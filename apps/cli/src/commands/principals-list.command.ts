import { TenantDb } from '@attest/core';
import { PrincipalEntity, RoleBindingEntity, type TenantEntity } from '@attest/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { defineCommand } from '../command';
import { withLocalApp } from '../local/local-app';
import { tenantsNamed } from '../local/tenants';
import { loadCliConfig } from '../local/cli-config';

export const principalsListCommand = defineCommand({
  name: 'principals list',
  summary: 'List the principals of a tenant (or of all) with their ids and roles, for "attest key issue"',
  description:
    'Prints one line per principal: tenant, id, kind, roles, name (disabled ones marked), read from DATABASE_URL or the ' +
    'embedded PostgreSQL (which must not be in use by a running Attest: with one running, ask the API, principals).',
  options: {
    tenant: { type: 'string', valueName: 'slug', description: 'only this tenant, by slug or id' },
  },
  async run(options, io) {
    await withLocalApp(loadCliConfig(), async (app) => {
      for (const tenant of await tenantsNamed(app, options.tenant)) io.out(await principalLines(app, tenant));
    });
  },
});

async function principalLines(app: INestApplicationContext, tenant: TenantEntity): Promise<string> {
  const [principals, bindings] = await app
    .get(TenantDb)
    .transaction(tenant.id, (m) => Promise.all([m.find(PrincipalEntity, { order: { createdAt: 'ASC' } }), m.find(RoleBindingEntity)]));
  return principals
    .map((p) => {
      const roles = [...new Set(bindings.filter((b) => b.principalId === p.id).map((b) => b.role))].sort().join(',') || '-';
      return `${tenant.slug}\t${p.id}\t${p.kind}\t${roles}\t${p.name}${p.disabledAt ? ' (disabled)' : ''}\n`;
    })
    .join('');
}

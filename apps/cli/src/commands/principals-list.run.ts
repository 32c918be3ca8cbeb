import { TenantDb } from '@attest/core';
import { PrincipalEntity, RoleBindingEntity, type TenantEntity } from '@attest/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { CommandRun } from '../command';
import { loadCliConfig } from '../local/cli-config';
import { withLocalApp } from '../local/local-app';
import { tenantsNamed } from '../local/tenants';
import type { principalsListOptions } from './principals-list.command';

export const run: CommandRun<typeof principalsListOptions> = async (options, io) => {
  await withLocalApp(loadCliConfig(), async (app) => {
    for (const tenant of await tenantsNamed(app, options.tenant)) io.out(await principalLines(app, tenant));
  });
};

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

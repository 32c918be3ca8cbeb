import type { INestApplicationContext } from '@nestjs/common';
import { AttestError, ErrorCode, TenantDb } from '@attest/core';
import { Authenticator, TenantsService, type AuthenticatedPrincipal, type TenantEntity } from '@attest/identity';
import { CliError } from '../command';

/**
 * Every tenant, in slug order. The operator with database access may see them all: the ids come
 * from the SECURITY DEFINER function the background jobs use, each tenant from its own scope.
 */
export async function allTenants(app: INestApplicationContext): Promise<TenantEntity[]> {
  const ids = await app.get(TenantDb).unscoped<{ id: string }>('SELECT id FROM attest_tenant_ids() AS id');
  const tenants = await Promise.all(ids.map(({ id }) => app.get(TenantsService).get(id)));
  return tenants.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The tenants named by --tenant (a slug or an id), or all of them. */
export async function tenantsNamed(app: INestApplicationContext, slugOrId: string | undefined): Promise<TenantEntity[]> {
  const tenants = await allTenants(app);
  if (slugOrId === undefined) return tenants;
  const named = tenants.filter((t) => t.slug === slugOrId || t.id === slugOrId);
  if (named.length === 0) throw new CliError(`no tenant "${slugOrId}" (tenants: ${tenants.map((t) => t.slug).join(', ') || 'none'})`);
  return named;
}

/**
 * The principal as a request of its own would be authenticated (its roles, its ability), found in
 * whichever of these tenants holds it; disabled or unknown principals are refused.
 */
export async function principalIn(
  app: INestApplicationContext,
  tenants: readonly TenantEntity[],
  principalId: string,
  correlationId: string,
): Promise<{ tenant: TenantEntity; actor: AuthenticatedPrincipal }> {
  for (const tenant of tenants) {
    try {
      return { tenant, actor: await app.get(Authenticator).principalFor(tenant.id, principalId, correlationId) };
    } catch (error) {
      if (!(error instanceof AttestError && error.code === ErrorCode.UNAUTHENTICATED)) throw error;
    }
  }
  const where = tenants.length === 1 ? ` in tenant "${tenants[0].slug}"` : '';
  throw new CliError(`no enabled principal ${principalId}${where}: "attest principals list" shows them`);
}

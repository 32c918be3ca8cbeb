import { defineByIdLoader, defineLoader, groupByKeys, type LoaderRegistry } from '@attest/core';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import type { PrincipalModel } from './models/principal.model';
import type { RoleBindingModel } from './models/role-binding.model';
import type { PrincipalsService } from './principals.service';

// Identity's DataLoaders, defined once here; other contexts reach principals through loadPrincipal.

export const principalByIdLoader = defineByIdLoader<PrincipalModel, AuthenticatedPrincipal>('principal.byId');

export const rolesOfPrincipalLoader = defineLoader({
  name: 'principal.roles',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, service: PrincipalsService): Promise<RoleBindingModel[][]> =>
    groupByKeys(ids, await service.bindingsOf(actor, ids), (b) => b.principalId),
});

/** Loads principals by id through the request's DataLoader (for owner fields elsewhere). */
export function loadPrincipal(
  loaders: LoaderRegistry,
  service: PrincipalsService,
  actor: AuthenticatedPrincipal,
  id: string,
): Promise<PrincipalModel | null> {
  return loaders.get(principalByIdLoader, actor, service).load(id);
}

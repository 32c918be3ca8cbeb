import { Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import { Can, CurrentPrincipal } from './auth/decorators';
import { TenantModel } from './models/tenant.model';
import { TenantsService } from './tenants.service';

@Resolver(() => TenantModel)
export class TenantResolver {
  constructor(private readonly tenants: TenantsService) {}

  @Query(() => TenantModel, { description: 'The tenant of the principal making the request' })
  @Can('read', 'Tenant')
  tenant(@CurrentPrincipal() actor: AuthenticatedPrincipal): Promise<TenantModel> {
    return this.tenants.get(actor.tenantId);
  }
}

import { ApiKeyEntity } from './api-key.entity';
import { PrincipalEntity } from './principal.entity';
import { RoleBindingEntity } from './role-binding.entity';
import { TenantEntity } from './tenant.entity';

export { ApiKeyEntity, PrincipalEntity, RoleBindingEntity, TenantEntity };
export const IDENTITY_ENTITIES = [TenantEntity, PrincipalEntity, RoleBindingEntity, ApiKeyEntity];

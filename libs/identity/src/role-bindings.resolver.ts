import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import { Can, CurrentPrincipal } from './auth/decorators';
import { BindRoleInput } from './dto/bind-role.input';
import { RoleBindingModel } from './models/role-binding.model';
import { RoleBindingsService } from './role-bindings.service';

@Resolver(() => RoleBindingModel)
export class RoleBindingsResolver {
  constructor(private readonly bindings: RoleBindingsService) {}

  @Mutation(() => RoleBindingModel, {
    description: 'Gives a principal a role, in the whole tenant or for one automation (admins only); audited',
  })
  @Can('create', 'RoleBinding')
  bindRole(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The principal, the role and, for service roles, the automation' }) input: BindRoleInput,
  ) {
    return this.bindings.bind(actor, input);
  }

  @Mutation(() => RoleBindingModel, { description: 'Removes a role binding (admins only); returns it as it was; audited' })
  @Can('update', 'RoleBinding')
  unbindRole(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: 'The role binding to remove' }) id: string,
  ) {
    return this.bindings.unbind(actor, id);
  }
}

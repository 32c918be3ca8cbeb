import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageCost, type LoaderRegistry } from '@attest/core';
import { subjectOf } from './access/ability.factory';
import type { AuthenticatedPrincipal } from './auth/authenticated-principal';
import { Can, CurrentPrincipal, Loaders } from './auth/decorators';
import { CreatePrincipalInput } from './dto/create-principal.input';
import { PrincipalsArgs } from './dto/principals.args';
import { PrincipalConnection } from './models/principal-connection.model';
import { PrincipalModel } from './models/principal.model';
import { RoleBindingModel } from './models/role-binding.model';
import { rolesOfPrincipalLoader } from './principals.loaders';
import { PrincipalsService } from './principals.service';

@Resolver(() => PrincipalModel)
export class PrincipalsResolver {
  constructor(private readonly service: PrincipalsService) {}

  @Query(() => PrincipalModel, { description: 'The principal making the request' })
  @Can('read', 'Tenant')
  me(@CurrentPrincipal() actor: AuthenticatedPrincipal): Promise<PrincipalModel> {
    return this.service.me(actor);
  }

  @Query(() => PrincipalModel, { description: 'One principal of the tenant by id; NOT_FOUND when absent' })
  @Can('read', 'Principal')
  principal(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('id', { type: () => ID, description: "The principal's id" }) id: string,
  ) {
    return this.service.get(actor, id);
  }

  @Query(() => PrincipalConnection, { complexity: pageCost, description: "The tenant's principals, newest first" })
  @Can('read', 'Principal')
  principals(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: PrincipalsArgs) {
    return this.service.list(actor, args);
  }

  @Mutation(() => PrincipalModel, { description: 'Creates a person or service principal, with no role yet (admins only); audited' })
  @Can('create', 'Principal')
  createPrincipal(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The principal to create' }) input: CreatePrincipalInput,
  ) {
    return this.service.create(actor, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible only to roles allowed to read this field' })
  @Can('read', 'Principal')
  email(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() principal: PrincipalModel): string | null {
    return actor.ability.can('read', subjectOf('Principal', principal), 'email') ? principal.email : null;
  }

  @ResolveField(() => [RoleBindingModel], { description: "Your own, or anyone's if you may read role bindings" })
  @Can('read', 'Principal')
  roles(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Parent() principal: PrincipalModel,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<RoleBindingModel[]> {
    return loaders.get(rolesOfPrincipalLoader, actor, this.service).load(principal.id);
  }
}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { defineLoader, groupByKeys, type LoaderRegistry } from '@attest/core';
import { Can, CurrentPrincipal, Loaders, type AuthenticatedPrincipal } from '@attest/identity';
import { AutomationVersionModel } from '../models/automation.model';
import { LifecycleApprovalModel } from '../models/lifecycle-approval.model';
import { ModelVersionModel } from '../models/model-version.model';
import { LifecycleService } from './lifecycle.service';

const approvalsLoader = defineLoader({
  name: 'lifecycle.approvals',
  batch: async (ids: readonly string[], actor: AuthenticatedPrincipal, lifecycle: LifecycleService): Promise<LifecycleApprovalModel[][]> =>
    groupByKeys(ids, await lifecycle.approvals(actor, ids), (a) => a.subjectId),
});

const DESCRIPTION = 'Approvals given while under review, oldest first, with who, when and why (every review round)';

@Resolver(() => ModelVersionModel)
export class ModelVersionApprovalsResolver {
  constructor(private readonly lifecycle: LifecycleService) {}

  @ResolveField(() => [LifecycleApprovalModel], { description: DESCRIPTION, complexity: 5 })
  @Can('read', 'ModelVersion')
  approvals(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(approvalsLoader, actor, this.lifecycle).load(version.id);
  }
}

@Resolver(() => AutomationVersionModel)
export class AutomationVersionApprovalsResolver {
  constructor(private readonly lifecycle: LifecycleService) {}

  @ResolveField(() => [LifecycleApprovalModel], { description: DESCRIPTION, complexity: 5 })
  @Can('read', 'AutomationVersion')
  approvals(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Parent() version: { id: string }, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(approvalsLoader, actor, this.lifecycle).load(version.id);
  }
}

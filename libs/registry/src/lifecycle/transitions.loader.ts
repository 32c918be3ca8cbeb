import { defineLoader, groupByKeys, type LoaderRegistry } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { toTransitionModel, type LifecycleTransitionModel } from '../models/lifecycle-transition.model';
import type { LifecycleService } from './lifecycle.service';

const transitionsLoader = defineLoader({
  name: 'lifecycle.transitions',
  batch: async (
    ids: readonly string[],
    actor: AuthenticatedPrincipal,
    lifecycle: LifecycleService,
  ): Promise<LifecycleTransitionModel[][]> =>
    groupByKeys(ids, await lifecycle.history(actor, ids), (t) => t.subjectId).map((group) => group.map(toTransitionModel)),
});

/** The lifecycle history of a model or automation version through the request's DataLoader. */
export function loadTransitions(
  loaders: LoaderRegistry,
  lifecycle: LifecycleService,
  actor: AuthenticatedPrincipal,
  subjectId: string,
): Promise<LifecycleTransitionModel[]> {
  return loaders.get(transitionsLoader, actor, lifecycle).load(subjectId);
}

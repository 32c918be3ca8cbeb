import { groupByKeys, type LoaderRegistry } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { toTransitionModel, type LifecycleTransitionModel } from '../models/lifecycle-transition.model';
import type { LifecycleService } from './lifecycle.service';

/** The lifecycle history of a model or automation version through the request's DataLoader. */
export function loadTransitions(
  loaders: LoaderRegistry,
  lifecycle: LifecycleService,
  actor: AuthenticatedPrincipal,
  subjectId: string,
): Promise<LifecycleTransitionModel[]> {
  return loaders
    .get<string, LifecycleTransitionModel[]>('lifecycle.transitions', async (ids) => {
      const rows = await lifecycle.history(actor, ids);
      return groupByKeys(ids, rows, (t) => t.subjectId).map((group) => group.map(toTransitionModel));
    })
    .load(subjectId);
}

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shellRoute } from '../../shell/routes';

/** One decision: what it decided and why, its policies, reviews and lineage, and its seal verified here. */
export const decisionRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/decisions/$id',
  component: lazyRouteComponent(() => import('./DecisionPage'), 'DecisionPage'),
});

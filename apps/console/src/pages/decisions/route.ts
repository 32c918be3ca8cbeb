import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconListCheck } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';
import { parseDecisionSearch } from './decision-search';

export const decisionsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/decisions',
  validateSearch: parseDecisionSearch,
  staticData: { nav: { label: 'Decisions', icon: IconListCheck, order: 30 } },
  component: lazyRouteComponent(() => import('./DecisionsPage'), 'DecisionsPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconShieldCheck } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';

/** The active policy pack: its policies, tests and activation history; admins activate another pack here. */
export const policiesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/policies',
  staticData: { nav: { label: 'Policies', icon: IconShieldCheck, order: 35 } },
  component: lazyRouteComponent(() => import('./PoliciesPage'), 'PoliciesPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconGauge } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';

export const overviewRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/',
  staticData: { nav: { label: 'Overview', icon: IconGauge, order: 10 } },
  component: lazyRouteComponent(() => import('./OverviewPage'), 'OverviewPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconFlask } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';

/** Policy simulations: start one for a candidate pack, and the past ones. */
export const simulationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/simulations',
  staticData: { nav: { label: 'Simulations', icon: IconFlask, order: 36 } },
  component: lazyRouteComponent(() => import('./SimulationsPage'), 'SimulationsPage'),
});

/** One simulation: its progress, then its report. */
export const simulationRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/simulations/$id',
  component: lazyRouteComponent(() => import('./SimulationPage'), 'SimulationPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconCode } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';

/** GraphiQL with Monaco is the console's largest chunk by far: loaded only when this page opens. */
export const explorerRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/explorer',
  staticData: { nav: { label: 'API explorer', icon: IconCode, order: 90 } },
  component: lazyRouteComponent(() => import('./ExplorerPage'), 'ExplorerPage'),
});

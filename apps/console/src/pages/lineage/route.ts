import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconHierarchy3 } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';
import { lineageSearch } from './search';

/** The lineage explorer: the node in the URL. Its graph libraries (@xyflow/react, elkjs) load with this page only. */
export const lineageRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/lineage',
  validateSearch: lineageSearch,
  staticData: { nav: { label: 'Lineage', icon: IconHierarchy3, order: 35 } },
  component: lazyRouteComponent(() => import('./LineagePage'), 'LineagePage'),
});

import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { IconBox } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';
import { automationsSearch, datasetsSearch, detailSearch, modelsSearch } from './search';

/** /inventory: the three registries as tabs (models, datasets, automations), each a route of its own. */
export const inventoryRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/inventory',
  staticData: { nav: { label: 'Inventory', icon: IconBox, order: 20 } },
  // /inventory itself opens the first tab.
  beforeLoad: ({ location }) => {
    if (location.pathname.replace(/\/$/, '') === '/inventory') {
      // TanStack Router's way to redirect before rendering: it throws the redirect it builds.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw redirect({ to: '/inventory/models', replace: true });
    }
  },
  component: lazyRouteComponent(() => import('./InventoryLayout'), 'InventoryLayout'),
});

export const modelsRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'models',
  validateSearch: modelsSearch,
  component: lazyRouteComponent(() => import('./ModelsList'), 'ModelsList'),
});

export const datasetsRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'datasets',
  validateSearch: datasetsSearch,
  component: lazyRouteComponent(() => import('./DatasetsList'), 'DatasetsList'),
});

export const automationsRoute = createRoute({
  getParentRoute: () => inventoryRoute,
  path: 'automations',
  validateSearch: automationsSearch,
  component: lazyRouteComponent(() => import('./AutomationsList'), 'AutomationsList'),
});

// Detail pages: other pages (the audit trail, decisions) link to these exact paths.
export const modelDetailRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/inventory/models/$id',
  validateSearch: detailSearch,
  component: lazyRouteComponent(() => import('./ModelDetailPage'), 'ModelDetailPage'),
});

export const datasetDetailRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/inventory/datasets/$id',
  validateSearch: detailSearch,
  component: lazyRouteComponent(() => import('./DatasetDetailPage'), 'DatasetDetailPage'),
});

export const automationDetailRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/inventory/automations/$id',
  validateSearch: detailSearch,
  component: lazyRouteComponent(() => import('./AutomationDetailPage'), 'AutomationDetailPage'),
});

/**
 * A version by its id alone (an audit event's subject, a decision's model version): finds its parent
 * and goes to the parent's page with the version selected.
 */
export const versionLinkRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/inventory/$kind/versions/$versionId',
  component: lazyRouteComponent(() => import('./VersionLink'), 'VersionLink'),
});

export const inventoryRoutes = [
  inventoryRoute.addChildren([modelsRoute, datasetsRoute, automationsRoute]),
  modelDetailRoute,
  datasetDetailRoute,
  automationDetailRoute,
  versionLinkRoute,
];

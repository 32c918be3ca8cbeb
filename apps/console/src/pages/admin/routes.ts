import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { IconUserShield } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';
import { apiKeysSearch } from './search';

/** /admin: principals, API keys, sign-in and the access matrix as tabs; in the navigation for admins only. */
export const adminRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/admin',
  staticData: { nav: { label: 'Administration', icon: IconUserShield, order: 95, requires: ['create', 'RoleBinding'] } },
  beforeLoad: ({ location }) => {
    if (location.pathname.replace(/\/$/, '') === '/admin') {
      // TanStack Router's way to redirect before rendering: it throws the redirect it builds.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw redirect({ to: '/admin/principals', replace: true });
    }
  },
  component: lazyRouteComponent(() => import('./AdminLayout'), 'AdminLayout'),
});

export const principalsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'principals',
  component: lazyRouteComponent(() => import('./PrincipalsPage'), 'PrincipalsPage'),
});

export const apiKeysRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'api-keys',
  validateSearch: apiKeysSearch,
  component: lazyRouteComponent(() => import('./ApiKeysPage'), 'ApiKeysPage'),
});

export const signInSettingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'sign-in',
  component: lazyRouteComponent(() => import('./SignInSettingsPage'), 'SignInSettingsPage'),
});

export const accessMatrixRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'access',
  component: lazyRouteComponent(() => import('./AccessMatrixPage'), 'AccessMatrixPage'),
});

export const adminRoutes = [adminRoute.addChildren([principalsRoute, apiKeysRoute, signInSettingsRoute, accessMatrixRoute])];

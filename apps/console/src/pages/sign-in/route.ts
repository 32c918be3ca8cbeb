import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { safeReturnTo } from '../../auth/sign-in-path';
import { rootRoute } from '../../shell/routes';

export interface SignInSearch {
  /** Where to go once signed in: a path of this console. */
  returnTo?: string;
  /** A code the server put there when a sign-in failed (`/sign-in?error=<CODE>`). */
  error?: string;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    returnTo: search.returnTo === undefined ? undefined : safeReturnTo(search.returnTo),
    error: typeof search.error === 'string' ? search.error.slice(0, 64) : undefined,
  }),
  component: lazyRouteComponent(() => import('./SignInPage'), 'SignInPage'),
});

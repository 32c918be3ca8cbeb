import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shell/routes';

/** `<origin>/sign-in/link#<token>`: the token stays in the fragment, which browsers never send to a server. */
export const signInLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in/link',
  component: lazyRouteComponent(() => import('./SignInLinkPage'), 'SignInLinkPage'),
});

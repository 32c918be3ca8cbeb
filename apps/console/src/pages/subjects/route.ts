import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconUserSearch } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';

/**
 * A person's explanation of the decisions about them, and their contest (admins, compliance officers).
 * No search parameters: the person's reference identifies them, so it never goes into the URL.
 */
export const subjectsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/subjects',
  staticData: { nav: { label: 'People decided about', icon: IconUserSearch, order: 33, requires: ['explain', 'Decision'] } },
  component: lazyRouteComponent(() => import('./SubjectsPage'), 'SubjectsPage'),
});

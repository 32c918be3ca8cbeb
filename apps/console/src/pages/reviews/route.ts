import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconChecklist } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';
import { reviewSearch } from './search';

/** The review queue: claim, read and judge the decisions sent to human review (admins, compliance officers). */
export const reviewsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/reviews',
  validateSearch: reviewSearch,
  staticData: { nav: { label: 'Review queue', icon: IconChecklist, order: 32, requires: ['review', 'Decision'] } },
  component: lazyRouteComponent(() => import('./ReviewsPage'), 'ReviewsPage'),
});

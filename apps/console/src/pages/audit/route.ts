import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { IconHistory } from '@tabler/icons-react';
import { shellRoute } from '../../shell/routes';
import { auditSearch } from './search';

export const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/audit',
  validateSearch: auditSearch,
  staticData: { nav: { label: 'Audit trail', icon: IconHistory, order: 40 } },
  component: lazyRouteComponent(() => import('./AuditTrailPage'), 'AuditTrailPage'),
});

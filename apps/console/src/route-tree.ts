import { adminRoutes } from './pages/admin/routes';
import { auditRoute } from './pages/audit/route';
import { decisionRoute } from './pages/decision/route';
import { decisionsRoute } from './pages/decisions/route';
import { explorerRoute } from './pages/explorer/route';
import { inventoryRoutes } from './pages/inventory/routes';
import { lineageRoute } from './pages/lineage/route';
import { overviewRoute } from './pages/overview/route';
import { policiesRoute } from './pages/policies/route';
import { reviewsRoute } from './pages/reviews/route';
import { signInLinkRoute } from './pages/sign-in-link/route';
import { signInRoute } from './pages/sign-in/route';
import { simulationRoute, simulationsRoute } from './pages/simulations/route';
import { subjectsRoute } from './pages/subjects/route';
import { rootRoute, shellRoute } from './shell/routes';

/**
 * Every page of the console. A page is a folder under pages/ with a `route.ts` (path, nav entry, the
 * lazily loaded component) and its component; add its route here (docs/console.md, "Adding a page").
 */
export const routeTree = rootRoute.addChildren([
  signInRoute,
  signInLinkRoute,
  shellRoute.addChildren([
    overviewRoute,
    decisionsRoute,
    decisionRoute,
    reviewsRoute,
    subjectsRoute,
    explorerRoute,
    ...inventoryRoutes,
    lineageRoute,
    auditRoute,
    policiesRoute,
    simulationsRoute,
    simulationRoute,
    ...adminRoutes,
  ]),
]);

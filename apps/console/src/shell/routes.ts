import { createRootRoute, createRoute, Outlet } from '@tanstack/react-router';
import type { Icon } from '@tabler/icons-react';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

/** A page's entry in the navigation, declared on its route (`staticData: { nav }`); the shell lists them by `order`. */
export interface NavEntry {
  label: string;
  icon: Icon;
  order: number;
  /** Shown only to roles that may do this (policies/access vocabulary), e.g. `['create', 'RoleBinding']`. */
  requires?: [action: string, subject: string];
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    nav?: NavEntry;
  }
}

export const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

/** Every signed-in page is a child of this layout: it loads `me` (or goes to sign-in) and draws the shell. */
export const shellRoute = createRoute({ getParentRoute: () => rootRoute, id: 'signed-in', component: Shell });

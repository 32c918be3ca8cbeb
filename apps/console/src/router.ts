import { createRouter } from '@tanstack/react-router';
import { createElement } from 'react';
import { PageError } from './components/PageError';
import { LoadingState } from './components/QueryState';
import { routeTree } from './route-tree';

export const router = createRouter({
  routeTree,
  // Pages are code-split: hovering a link starts loading its chunk.
  defaultPreload: 'intent',
  defaultPendingComponent: () => createElement(LoadingState, { label: 'Loading the page…' }),
  // A page that throws (or whose chunk fails to load) shows the error in words, never a blank screen.
  defaultErrorComponent: PageError,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { live } from './live';
import { isUnauthenticated } from './errors';
import { signInPath } from '../auth/sign-in-path';

/**
 * The console's only way to the API. The session cookie (HttpOnly) goes with every same-origin
 * request; no token is ever read or stored here. Every operation is a POST with a JSON body and
 * Apollo's CSRF-prevention header, so Apollo never sees a "simple" cross-site request.
 */
export const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  fetchOptions: () => ({ credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
  exchanges: [
    // A session that ended (timeout, sign-out elsewhere) sends the user to sign in, then back here.
    mapExchange({
      onError(error) {
        if (isUnauthenticated(error) && !window.location.pathname.startsWith('/sign-in')) {
          window.location.assign(signInPath(window.location.pathname + window.location.search));
        }
      },
    }),
    cacheExchange,
    fetchExchange,
    // Subscriptions (live updates) over the graphql-ws socket; everything else stays a POST.
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: live.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

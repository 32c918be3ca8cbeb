import { createClient } from 'graphql-ws';

/**
 * The one socket to the API's graphql-ws endpoint (docs/api.md "Live updates"), opened on the
 * first subscription and closed after the last. Same origin: the browser sends the session cookie
 * with the upgrade, as with every request. It reconnects after a drop, waiting longer each time.
 */
export const live = createClient({
  url: () => `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/graphql`,
  lazy: true,
  retryAttempts: Number.POSITIVE_INFINITY,
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries))),
  shouldRetry: () => true,
});

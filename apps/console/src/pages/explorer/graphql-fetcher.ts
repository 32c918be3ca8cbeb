import { createGraphiQLFetcher } from '@graphiql/toolkit';

/**
 * The explorer's requests carry the console's session cookie (same origin) and Apollo's
 * CSRF-prevention header; a header typed in the explorer (an API key, say) is sent too, and wins.
 */
export const sessionFetcher = createGraphiQLFetcher({
  url: '/graphql',
  headers: { 'apollo-require-preflight': 'true' },
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

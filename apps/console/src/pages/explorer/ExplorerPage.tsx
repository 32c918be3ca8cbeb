import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { Box, useComputedColorScheme, VisuallyHidden } from '@mantine/core';
import { GraphiQL } from 'graphiql';
import { EXAMPLE_TABS } from './example-operations';
import { sessionFetcher } from './graphql-fetcher';

/**
 * GraphiQL, bundled (never from a CDN), signed in with the console's session: the schema's docs,
 * autocompletion, and example operations for the first tasks.
 */
export function ExplorerPage() {
  const scheme = useComputedColorScheme('light');
  return (
    <Box h="calc(100dvh - 52px - 2 * var(--mantine-spacing-md))" data-testid="api-explorer">
      <VisuallyHidden>
        <h1>API explorer</h1>
      </VisuallyHidden>
      <GraphiQL fetcher={sessionFetcher} defaultTabs={EXAMPLE_TABS} forcedTheme={scheme} />
    </Box>
  );
}

import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphQLError, LoaderRegistry, queryLimitsPlugin, type AttestConfig } from '@attest/core';
import type { Request, Response } from 'express';

/** The Apollo settings: schema built from code (sorted, committed as schema.graphql), errors mapped once. */
export function graphqlOptions(config: AttestConfig): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['guards'],
    context: ({ req, res }: { req: Request; res: Response }) => ({ req, res, loaders: new LoaderRegistry() }),
    formatError: formatGraphQLError,
    // The plugin is typed against Apollo's ESM build; Nest loads the CJS one: same shape. Cache control
    // is off: every answer is private to its caller, and its per-field hook costs on every field.
    plugins: [queryLimitsPlugin(config.graphql) as never, ApolloServerPluginCacheControlDisabled() as never],
  };
}

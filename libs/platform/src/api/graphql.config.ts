import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphQLError, graphqlLimitOptions, LoaderRegistry, type AttestConfig } from '@attest/core';
import type { Request, Response } from 'express';
import { graphqlWsOptions } from './graphql-ws';
import { describeRootTypes } from './root-type-descriptions';

/** The Apollo settings: schema built from code (sorted, committed as schema.graphql), errors mapped once. */
export function graphqlOptions(config: AttestConfig): ApolloDriverConfig {
  const limits = graphqlLimitOptions(config.graphql);
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: describeRootTypes,
    // Introspection is answered to authenticated principals only (AuthenticatedOperationsPlugin).
    introspection: limits.introspection,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['guards'],
    context: ({ req, res }: { req: Request; res: Response }) => ({ req, res, loaders: new LoaderRegistry() }),
    subscriptions: { 'graphql-ws': graphqlWsOptions(config, limits) as never },
    formatError: formatGraphQLError,
    // Plugins are typed against Apollo's ESM build; Nest loads the CJS one: same shape. Cache control
    // is off: every answer is private to its caller, and its per-field hook costs on every field.
    // These come before the plugins Nest discovers (authentication), and run first.
    plugins: [...(limits.plugins as never[]), ApolloServerPluginCacheControlDisabled() as never],
  };
}

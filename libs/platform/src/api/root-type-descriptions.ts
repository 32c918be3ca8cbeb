import type { GraphQLSchema } from 'graphql';

/**
 * The root types' descriptions, which code-first resolvers cannot declare: the first thing an API
 * explorer shows. Set on the built schema, served and printed alike (schema.graphql).
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query)
    query.description =
      "Reads of the caller's tenant: the registry, decisions and their evidence, the audit trail, the ledger, lineage and policies. Every field needs credentials; what each role may read is in docs/security.md.";
  if (mutation)
    mutation.description =
      "Changes to the caller's tenant. Each is authorised for the caller's roles and writes an audit event in the same transaction as the change (docs/api.md).";
  if (subscription)
    subscription.description =
      'Live updates over graphql-ws at /graphql (docs/api.md "Live updates"): hints that what a page shows changed, authenticated and scoped like every read.';
  return schema;
}

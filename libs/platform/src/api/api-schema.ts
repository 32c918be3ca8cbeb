import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AUDIT_RESOLVERS } from '@attest/audit';
import { DECISION_RESOLVERS } from '@attest/decisions';
import { EVIDENCE_RESOLVERS } from '@attest/evidence';
import { LEDGER_RESOLVERS } from '@attest/ledger';
import { LINEAGE_RESOLVERS } from '@attest/lineage';
import { MONITORING_RESOLVERS } from '@attest/monitoring';
import { IDENTITY_RESOLVERS } from '@attest/identity';
import { POLICY_RESOLVERS } from '@attest/policy';
import { POLICY_SIMULATION_RESOLVERS } from '@attest/policy-review';
import { REGISTRY_RESOLVERS } from '@attest/registry';
import { ComplianceOverviewResolver } from './overview/compliance-overview.resolver';
import { describeRootTypes } from './root-type-descriptions';

/**
 * Every resolver of the modules ApiModule imports. Kept beside that module so a new context is added
 * here too; test/schema.e2e-spec.ts fails if this list and the served schema drift apart.
 */
export const API_RESOLVERS = [
  ...IDENTITY_RESOLVERS,
  ...REGISTRY_RESOLVERS,
  ...AUDIT_RESOLVERS,
  ...POLICY_RESOLVERS,
  ...DECISION_RESOLVERS,
  ...LEDGER_RESOLVERS,
  ...LINEAGE_RESOLVERS,
  ...POLICY_SIMULATION_RESOLVERS,
  ...MONITORING_RESOLVERS,
  ...EVIDENCE_RESOLVERS,
  ComplianceOverviewResolver,
];

/** The SDL exactly as committed in schema.graphql: sorted like the served schema, one trailing newline. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Builds the API's schema from the resolver metadata alone: no database, no HTTP server. */
export async function generateApiSchemaSdl(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = describeRootTypes(await context.get(GraphQLSchemaFactory).create(API_RESOLVERS));
    return printSortedSchema(schema);
  } finally {
    await context.close();
  }
}

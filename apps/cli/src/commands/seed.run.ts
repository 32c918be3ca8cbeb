import { toGraphqlEnum } from '@attest/core';
import { UsageError } from '../args';
import { CliError, type CommandRun } from '../command';
import { createTenantOrExplain } from '../create-tenant';
import { decisionSummary } from '../demo/demo-decisions';
import { seedDemo, type DemoTenant, type GraphQLCall, type GraphQLData } from '../demo/demo-seed';
import { HttpGraphQLClient, requestWhole } from '../ledger/graphql-client';
import { withLocalHttpApp } from '../local/local-app';
import { loadCliConfig } from '../local/cli-config';
import type { seedOptions } from './seed.command';

const DEMO_SLUG = 'demo';

export const run: CommandRun<typeof seedOptions> = async (options, io) => {
  if (!options.demo) throw new UsageError('say what to seed: --demo');
  const seeded = options.url ? await seedThroughApi(options.url, io) : await seedLocally();
  io.out(
    [
      `Seeded the demo into tenant "${seeded.tenant.slug}" (${seeded.tenant.id}).`,
      `Decisions of claims-triage: ${decisionSummary(seeded.demo.decisions)}.`,
      'API keys, shown once:',
      ...Object.entries(seeded.demo.keys).map(
        ([role, key]) => `  ${role.padEnd(19)} ${role === 'admin' && options.url ? '(the key in ATTEST_API_KEY)' : key}`,
      ),
      'Console sign-in links (each works once, for 15 minutes; later: attest login-link --principal <id>):',
      ...seeded.demo.signInLinks.map(({ name, role, url }) => `  ${`${name} (${role})`.padEnd(30)} ${url}`),
      '',
    ].join('\n'),
  );
};

interface Seeded {
  tenant: { id: string; slug: string };
  demo: DemoTenant;
}

/** A new tenant "demo" on this machine's database, through an API of our own on a free local port. */
async function seedLocally(): Promise<Seeded> {
  // The configured port stays in the config: a first key printed now names where `npm start` will serve.
  return withLocalHttpApp({ ...loadCliConfig(), logLevel: 'warn' }, async (app, baseUrl) => {
    const created = await createTenantOrExplain(app, { name: 'Northwind Mutual (demo)', slug: DEMO_SLUG });
    return { tenant: created.tenant, demo: await seedDemo(graphqlOver(baseUrl), created.apiKey) };
  });
}

/** The tenant of the admin key, through a running API: what works beside `npm start`. */
async function seedThroughApi(url: string, io: { err(text: string): void }): Promise<Seeded> {
  const key = process.env.ATTEST_API_KEY;
  if (!key) throw new CliError('--url needs ATTEST_API_KEY: an admin key of the tenant to seed', 2);
  const gql = graphqlOver(url);
  const { tenant, me } = await gql(key, '{ tenant { id slug } me { roles { role } } }');
  if (!me.roles.some((r: { role: string }) => r.role === toGraphqlEnum('admin')))
    throw new CliError('ATTEST_API_KEY must be an admin key: the demo creates principals and keys', 2);
  const { automations } = await gql(key, '{ automations(filter: { search: "claims-triage" }) { edges { node { key } } } }');
  if (automations.edges.some((e: { node: { key: string } }) => e.node.key === 'claims-triage')) {
    throw new CliError(`tenant "${tenant.slug}" has the demo already (the automation claims-triage exists)`);
  }
  io.err(`Seeding the demo into tenant "${tenant.slug}" through ${url}...\n`);
  return { tenant, demo: await seedDemo(gql, key) };
}

/** The demo's transport: GraphQL over HTTP with the key of the principal acting; any error stops the seed. */
function graphqlOver(baseUrl: string): GraphQLCall {
  return (key, query, variables) => requestWhole<GraphQLData>(new HttpGraphQLClient(baseUrl, key), 'the demo seed', query, variables);
}

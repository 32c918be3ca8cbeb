import { toGraphqlEnum } from '@attest/core';
import { UsageError } from '../args';
import { CliError, defineCommand } from '../command';
import { createTenantOrExplain } from '../create-tenant';
import { decisionSummary } from '../demo/demo-decisions';
import { seedDemo, type DemoTenant, type GraphQLCall, type GraphQLData } from '../demo/demo-seed';
import { HttpGraphQLClient, requestWhole } from '../ledger/graphql-client';
import { withLocalHttpApp } from '../local/local-app';
import { loadCliConfig } from '../local/cli-config';

const DEMO_SLUG = 'demo';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: "Load the demo tenant (an insurer's claim-triage automation, with decisions); prints its API keys and sign-in links",
  description:
    'With --demo: principals for every role, 3 datasets, 2 models with versions moved through review and deployment, ' +
    'the claims-triage automation and its decisions (recorded, sent to review, reviewed, blocked by policy), all through ' +
    'the GraphQL API. Without --url: creates the tenant "demo" on DATABASE_URL or the embedded PostgreSQL (which must ' +
    'not be in use by a running Attest). With --url: through that running API, into the tenant of the admin key in ' +
    'ATTEST_API_KEY. Fails if the demo is there already.',
  options: {
    demo: { type: 'boolean', description: 'load the demo (the only data set so far)' },
    url: { type: 'string', valueName: 'api-url', description: 'a running Attest, e.g. http://localhost:3000 (key in ATTEST_API_KEY)' },
  },
  async run(options, io) {
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
  },
});

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

import { loadConfig } from '@attest/core';
import { createApp } from '../../../api/src/create-app';
import { CliError, defineCommand } from '../command';
import { UsageError } from '../args';
import { createTenantOrExplain } from '../create-tenant';
import { seedDemo } from '../demo/demo-seed';

const DEMO_SLUG = 'demo';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Load the demo tenant (an insurer\'s claim-triage automation); prints its API keys',
  description:
    'With --demo: creates the tenant "demo" with principals for every role, 3 datasets, 2 models with versions ' +
    'moved through review and deployment, and the claims-triage automation, all through the GraphQL API. ' +
    'Runs on DATABASE_URL or the embedded PostgreSQL. Fails if the demo tenant exists already.',
  options: {
    demo: { type: 'boolean', description: 'load the demo tenant (the only data set so far)' },
  },
  async run(options, io) {
    if (!options.demo) throw new UsageError('say what to seed: --demo');
    // The configured port stays in the config: a first key printed now names where `npm start` will serve.
    const app = await createApp({ ...loadConfig(), logLevel: 'warn' });
    try {
      await app.listen(0, '127.0.0.1');
      const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
      const created = await createTenantOrExplain(app, { name: 'Northwind Mutual (demo)', slug: DEMO_SLUG });
      const demo = await seedDemo(async (key, query, variables) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
        if (body.errors?.length || !body.data) throw new CliError(`seeding failed: ${body.errors?.map((e) => e.message).join('; ')}`);
        return body.data;
      }, created.apiKey);
      io.out(
        [
          `Seeded the demo tenant "${DEMO_SLUG}" (${created.tenant.id}). API keys, shown once:`,
          ...Object.entries(demo.keys).map(([role, key]) => `  ${role.padEnd(19)} ${key}`),
          '',
        ].join('\n'),
      );
    } finally {
      await app.close();
    }
  },
});

import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const seedOptions = {
  demo: { type: 'boolean', description: 'load the demo (the only data set so far)' },
  url: { type: 'string', valueName: 'api-url', description: 'a running Attest, e.g. http://localhost:3000 (key in ATTEST_API_KEY)' },
} satisfies OptionSpecs;

export const seedCommand = defineCommand({
  name: 'seed',
  summary: "Load the demo tenant (an insurer's claim-triage automation, with decisions); prints its API keys and sign-in links",
  description:
    'With --demo: principals for every role, 3 datasets, 2 models with versions moved through review and deployment, ' +
    'the claims-triage automation and its decisions (recorded, sent to review, reviewed, blocked by policy), all through ' +
    'the GraphQL API. Without --url: creates the tenant "demo" on DATABASE_URL or the embedded PostgreSQL (which must ' +
    'not be in use by a running Attest). With --url: through that running API, into the tenant of the admin key in ' +
    'ATTEST_API_KEY. Fails if the demo is there already.',
  options: seedOptions,
  load: () => import('./seed.run'),
});

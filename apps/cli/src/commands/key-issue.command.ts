import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const DEFAULT_KEY_NAME = 'issued by attest key issue';

export const keyIssueOptions = {
  principal: { type: 'string', required: true, valueName: 'id', description: 'the principal the key is for' },
  tenant: { type: 'string', valueName: 'slug', description: 'its tenant, by slug or id (default: whichever holds the principal)' },
  name: { type: 'string', description: `what the key is for (default: "${DEFAULT_KEY_NAME}")` },
  url: {
    type: 'string',
    valueName: 'api-url',
    description: 'a running Attest, e.g. http://localhost:3000 (admin key in ATTEST_API_KEY)',
  },
} satisfies OptionSpecs;

export const keyIssueCommand = defineCommand({
  name: 'key issue',
  summary: 'Issue a new API key for an existing principal (a lost admin key); prints it once',
  description:
    'Issues an API key for the principal. Without --url, on DATABASE_URL or the embedded PostgreSQL (which must not be ' +
    'in use by a running Attest): the principal issues it to itself, with its own rights (an admin may, other roles ' +
    'may not), which is how a lost admin key is replaced. With --url, through that running API (issueApiKey) with the ' +
    'admin key in ATTEST_API_KEY, for any principal of its tenant. Either way the key and its audit event ' +
    '(api_key.issued) are written in one transaction by the API\'s own service. "attest principals list" shows the ' +
    'principals and their ids. The key is shown once: store it now.',
  options: keyIssueOptions,
  load: () => import('./key-issue.run'),
});

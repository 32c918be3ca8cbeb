import { randomUUID } from 'node:crypto';
import { AttestError, ErrorCode } from '@attest/core';
import { ApiKeysService } from '@attest/identity';
import { requireUuid, UsageError } from '../args';
import { CliError, defineCommand } from '../command';
import { withLocalApp } from '../local/local-app';
import { principalIn, tenantsNamed } from '../local/tenants';
import { loadCliConfig } from '../local/cli-config';

const DEFAULT_NAME = 'issued by attest key issue';

export const keyIssueCommand = defineCommand({
  name: 'key issue',
  summary: 'Issue a new API key for an existing principal (a lost admin key); prints it once',
  description:
    'Issues an API key for the principal, on DATABASE_URL or the embedded PostgreSQL (which must not be in use by a ' +
    'running Attest: with one running, an admin issues keys through the API, issueApiKey). The principal issues it ' +
    'to itself, with its own rights (an admin may, other roles may not), and the key is recorded with its audit event ' +
    '(api_key.issued, correlation id attest-cli-key-issue-…) in one transaction, as the API does. "attest principals ' +
    'list" shows the principals and their ids. The key is shown once: store it now.',
  options: {
    principal: { type: 'string', required: true, valueName: 'id', description: 'the principal the key is for' },
    tenant: { type: 'string', valueName: 'slug', description: 'its tenant, by slug or id (default: whichever holds the principal)' },
    name: { type: 'string', description: `what the key is for (default: "${DEFAULT_NAME}")` },
  },
  async run(options, io) {
    requireUuid('principal', options.principal);
    const name = options.name ?? DEFAULT_NAME;
    if (name.length > 200) throw new UsageError('--name must be at most 200 characters');
    await withLocalApp(loadCliConfig(), async (app) => {
      const tenants = await tenantsNamed(app, options.tenant);
      const { tenant, actor } = await principalIn(app, tenants, options.principal, `attest-cli-key-issue-${randomUUID()}`);
      const issued = await app
        .get(ApiKeysService)
        .issue(actor, { principalId: actor.principalId, name })
        .catch((error: unknown) => {
          if (!(error instanceof AttestError && error.code === ErrorCode.FORBIDDEN)) throw error;
          throw new CliError(
            `${actor.name} (${actor.roles.join(', ') || 'no role'}) may not issue API keys: an admin issues its key through the API (issueApiKey)`,
          );
        });
      io.out(
        [
          `Issued API key "${name}" (${issued.apiKey.id}) for ${actor.kind} principal "${actor.name}" (${actor.principalId}) of tenant "${tenant.slug}".`,
          'API key (shown once, store it now):',
          '',
          `  ${issued.secret}`,
          '',
        ].join('\n'),
      );
    });
  },
});

import { randomUUID } from 'node:crypto';
import { AttestError, ErrorCode, fromGraphqlEnum } from '@attest/core';
import { ApiKeysService } from '@attest/identity';
import { requireUuid, UsageError } from '../args';
import { CliError, type CommandRun } from '../command';
import { HttpGraphQLClient, requestWhole } from '../ledger/graphql-client';
import { loadCliConfig } from '../local/cli-config';
import { withLocalApp } from '../local/local-app';
import { principalIn, tenantsNamed } from '../local/tenants';
import { DEFAULT_KEY_NAME, type keyIssueOptions } from './key-issue.command';

interface IssuedKey {
  keyId: string;
  secret: string;
  principal: { id: string; kind: string; name: string };
  tenantSlug: string;
}

export const run: CommandRun<typeof keyIssueOptions> = async (options, io) => {
  requireUuid('principal', options.principal);
  const name = options.name ?? DEFAULT_KEY_NAME;
  if (name.length > 200) throw new UsageError('--name must be at most 200 characters');
  const issued = options.url
    ? await issueThroughApi(options.url, options.principal, name, options.tenant)
    : await issueLocally(options.principal, name, options.tenant);
  const { principal } = issued;
  io.out(
    [
      `Issued API key "${name}" (${issued.keyId}) for ${principal.kind} principal "${principal.name}" (${principal.id}) of tenant "${issued.tenantSlug}".`,
      'API key (shown once, store it now):',
      '',
      `  ${issued.secret}`,
      '',
    ].join('\n'),
  );
};

/** On the database: the principal, authenticated as a request of its own would be, issues itself a key. */
function issueLocally(principalId: string, name: string, tenantName: string | undefined): Promise<IssuedKey> {
  return withLocalApp(loadCliConfig(), async (app) => {
    const tenants = await tenantsNamed(app, tenantName);
    const { tenant, actor } = await principalIn(app, tenants, principalId, `attest-cli-key-issue-${randomUUID()}`);
    const issued = await app
      .get(ApiKeysService)
      .issue(actor, { principalId, name })
      .catch((error: unknown) => {
        if (!(error instanceof AttestError && error.code === ErrorCode.FORBIDDEN)) throw error;
        throw new CliError(
          `${actor.name} (${actor.roles.join(', ') || 'no role'}) may not issue API keys: an admin issues its key through the API (issueApiKey)`,
        );
      });
    return {
      keyId: issued.apiKey.id,
      secret: issued.secret,
      principal: { id: principalId, kind: actor.kind, name: actor.name },
      tenantSlug: tenant.slug,
    };
  });
}

/** Through a running API: issueApiKey with the caller's key, in the caller's tenant. */
async function issueThroughApi(url: string, principalId: string, name: string, tenantName: string | undefined): Promise<IssuedKey> {
  const key = process.env.ATTEST_API_KEY;
  if (!key) throw new CliError("--url needs ATTEST_API_KEY: a key that may issue API keys (an admin's)", 2);
  const client = new HttpGraphQLClient(url, key);
  const { tenant, principal } = await requestWhole<{ tenant: { id: string; slug: string }; principal: IssuedKey['principal'] }>(
    client,
    'the principal',
    'query($id: ID!) { tenant { id slug } principal(id: $id) { id kind name } }',
    { id: principalId },
  );
  if (tenantName !== undefined && tenantName !== tenant.slug && tenantName !== tenant.id) {
    throw new CliError(`ATTEST_API_KEY belongs to tenant "${tenant.slug}", not "${tenantName}"`, 2);
  }
  const { issueApiKey } = await requestWhole<{ issueApiKey: { apiKey: { id: string }; secret: string } }>(
    client,
    'the key',
    'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { apiKey { id } secret } }',
    { i: { principalId, name } },
  );
  // Printed as the local path prints it: the stored kind (`human`), not the GraphQL enum value.
  return {
    keyId: issueApiKey.apiKey.id,
    secret: issueApiKey.secret,
    principal: { ...principal, kind: fromGraphqlEnum(principal.kind) },
    tenantSlug: tenant.slug,
  };
}

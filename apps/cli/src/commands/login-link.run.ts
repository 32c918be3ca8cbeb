import { randomUUID } from 'node:crypto';
import { AttestError, ErrorCode } from '@attest/core';
import { SessionsService, type IssuedSignInLink } from '@attest/identity';
import { requireUuid } from '../args';
import { CliError, type CommandRun } from '../command';
import { HttpGraphQLClient, requestWhole } from '../ledger/graphql-client';
import { loadCliConfig } from '../local/cli-config';
import { withLocalApp } from '../local/local-app';
import { tenantsNamed } from '../local/tenants';
import type { loginLinkOptions } from './login-link.command';

export const run: CommandRun<typeof loginLinkOptions> = async (options, io) => {
  requireUuid('principal', options.principal);
  const link = options.url ? await issueThroughApi(options.url, options.principal) : await issueLocally(options.principal, options.tenant);
  io.out(
    [
      `Sign-in link for principal ${link.principalId}, valid once until ${new Date(link.expiresAt).toISOString()}:`,
      '',
      `  ${link.url}`,
      '',
    ].join('\n'),
  );
};

/** On the database: the operator issues it, in whichever of the tenants holds the principal. */
function issueLocally(principalId: string, tenantName: string | undefined): Promise<IssuedSignInLink> {
  return withLocalApp(loadCliConfig(), async (app) => {
    const correlationId = `attest-cli-login-link-${randomUUID()}`;
    for (const tenant of await tenantsNamed(app, tenantName)) {
      try {
        return await app.get(SessionsService).issueLink({ tenantId: tenant.id, principalId: null, correlationId }, principalId);
      } catch (error) {
        if (!(error instanceof AttestError)) throw error;
        if (error.code !== ErrorCode.NOT_FOUND) throw new CliError(error.message);
      }
    }
    throw new CliError(`no principal ${principalId}${tenantName ? ` in tenant "${tenantName}"` : ''}: "attest principals list" shows them`);
  });
}

/** Through a running API: issueSignInLink with the caller's admin key, in its tenant. */
async function issueThroughApi(url: string, principalId: string): Promise<IssuedSignInLink> {
  const key = process.env.ATTEST_API_KEY;
  if (!key) throw new CliError("--url needs ATTEST_API_KEY: a key that may issue sign-in links (an admin's)", 2);
  const { issueSignInLink } = await requestWhole<{ issueSignInLink: IssuedSignInLink }>(
    new HttpGraphQLClient(url, key),
    'the sign-in link',
    'mutation($p: ID!) { issueSignInLink(principalId: $p) { id principalId url expiresAt } }',
    { p: principalId },
  );
  return issueSignInLink;
}

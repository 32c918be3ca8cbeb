import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

/**
 * How long a sign-in link works: @attest/identity's SIGN_IN_LINK_MINUTES, restated so that help loads no lib
 * (help-texts.spec.ts keeps the two equal).
 */
export const SIGN_IN_LINK_MINUTES = 15;

export const loginLinkOptions = {
  principal: { type: 'string', required: true, valueName: 'id', description: 'the human principal to sign in' },
  tenant: { type: 'string', valueName: 'slug', description: 'its tenant, by slug or id (default: whichever holds the principal)' },
  url: {
    type: 'string',
    valueName: 'api-url',
    description: 'a running Attest, e.g. http://localhost:3000 (admin key in ATTEST_API_KEY)',
  },
} satisfies OptionSpecs;

export const loginLinkCommand = defineCommand({
  name: 'login-link',
  summary: 'Mint a one-time sign-in link to the console for a human principal; prints it once',
  description:
    `Prints a link that signs the principal in to the console once, within ${SIGN_IN_LINK_MINUTES} minutes; only its hash ` +
    'is stored, and issuing it is audited (sign_in_link.issued). Without --url, on DATABASE_URL or the embedded ' +
    'PostgreSQL (which must not be in use by a running Attest), issued by the operator. With --url, through that ' +
    'running API (issueSignInLink) with an admin key in ATTEST_API_KEY. Services have no sign-in: they use API keys. ' +
    '"attest principals list" shows the principals and their ids.',
  options: loginLinkOptions,
  load: () => import('./login-link.run'),
});

import { SIGN_IN_LINK_MINUTES } from '@attest/identity';
import { FAIL_ON_HELP } from '@attest/policy-review';
import * as loginLink from './login-link.command';
import * as policyDiff from './policy-diff.command';

// Help loads no lib, so two command files restate a lib's constant: these keep them in step.
describe('the constants that command help restates', () => {
  it('says how long a sign-in link works as the identity lib does', () => {
    expect(loginLink.SIGN_IN_LINK_MINUTES).toBe(SIGN_IN_LINK_MINUTES);
  });

  it('lists the --fail-on rules as the policy-review lib does', () => {
    expect(policyDiff.FAIL_ON_HELP).toBe(FAIL_ON_HELP);
  });
});

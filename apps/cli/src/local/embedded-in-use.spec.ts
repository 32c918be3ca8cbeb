import { embeddedInUseError, isEmbeddedInUseFailure } from './embedded-in-use';

// Whether a running Attest serves a folder (runningAttestOn, in @attest/core) is tested with real
// servers: test/embedded-crash.e2e-spec.ts and test/cli-beside-server.e2e-spec.ts.
describe('the embedded database in use', () => {
  it("recognises the embedded start's own refusal and says what to do in one line", () => {
    expect(isEmbeddedInUseFailure(new Error('The embedded database in /x/pg is in use by process 12'))).toBe(true);
    expect(isEmbeddedInUseFailure(new Error('initdb failed'))).toBe(false);
    expect(embeddedInUseError('/srv/attest').message).toBe(
      'the embedded database in /srv/attest is in use by a running Attest (npm start): stop it first (the embedded database serves one process), or use --url to go through its API',
    );
  });
});

import { attest, buildCliIfStale, REPO_ROOT } from './support/attest-cli';
import { PolicyRepo } from './support/policy-repo';

const SELF_APPROVAL = 'policies/default/no-self-approval.yaml';
const LOW_CONFIDENCE = 'policies/default/high-risk-low-confidence-review.yaml';
const THRESHOLD = '{ fact: decision.confidence, operator: lessThan, value: 0.7 }';

interface LintJson {
  findings: { ruleId: string; level: string; message: string; location?: { file: string; line: number } }[];
}
const errorsOf = (stdout: string) => (JSON.parse(stdout) as LintJson).findings.filter((f) => f.level === 'error');

/** `attest policy lint` as a policy author and a CI job run it. */
describe('attest policy lint', () => {
  let repo: PolicyRepo;
  beforeAll(async () => {
    await buildCliIfStale();
  });
  beforeEach(() => {
    repo = PolicyRepo.withRealPolicies();
  });
  afterEach(() => repo.dispose());

  it("finds no error (exit 0) in the repository's own policies", () => {
    const run = attest(REPO_ROOT, ['policy', 'lint']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^policy lint: \d+ packs?, 0 errors/m);
  });

  it('fails (exit 1) on a high-severity policy citing no recognised framework, at its frameworks line', () => {
    repo.replace(SELF_APPROVAL, 'frameworks: [EU-AI-Act:Art.17, NIST-AI-RMF:GOVERN-2.1]', 'frameworks: [SOX:404]');
    const run = repo.attest('policy', 'lint', '--format', 'json');
    expect(run.code).toBe(1);
    expect(errorsOf(run.stdout)).toEqual([
      {
        ruleId: 'high-severity-without-framework',
        level: 'error',
        message: expect.stringContaining('"no-self-approval" is high severity but cites no recognised framework (SOX:404'),
        location: { file: SELF_APPROVAL, line: repo.lineOf(SELF_APPROVAL, 'frameworks: [SOX:404]') },
      },
    ]);
  });

  describe('--base HEAD~1', () => {
    it("fails (exit 1) when a policy's conditions changed but its version did not, pointing at the version", () => {
      repo.replace(LOW_CONFIDENCE, THRESHOLD, THRESHOLD.replace('0.7', '0.6'));
      repo.commit('lower the review threshold');
      const run = repo.attest('policy', 'lint', '--base', 'HEAD~1');
      expect(run.code).toBe(1);
      const line = repo.lineOf(LOW_CONFIDENCE, 'version: 1');
      expect(run.stdout).toContain(
        `${LOW_CONFIDENCE}:${line}: error: "high-risk-low-confidence-review" changed against the base but its version is still 1; raise it to 2 [version-not-raised]`,
      );
      expect(errorsOf(repo.attest('policy', 'lint', '--base', 'HEAD~1', '--format', 'json').stdout)).toEqual([
        expect.objectContaining({ ruleId: 'version-not-raised', location: { file: LOW_CONFIDENCE, line } }),
      ]);
    });

    it('passes (exit 0) once the version is raised with the change', () => {
      repo.replace(LOW_CONFIDENCE, THRESHOLD, THRESHOLD.replace('0.7', '0.6'));
      repo.replace(LOW_CONFIDENCE, 'version: 1', 'version: 2');
      repo.commit('lower the review threshold, version 2');
      expect(repo.attest('policy', 'lint', '--base', 'HEAD~1')).toMatchObject({
        code: 0,
        stderr: '',
        stdout: expect.stringContaining('0 errors'),
      });
    });

    it('exits 2 on a ref the checkout does not have', () => {
      expect(repo.attest('policy', 'lint', '--base', 'origin/main')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('unknown git ref "origin/main"'),
      });
    });
  });
});

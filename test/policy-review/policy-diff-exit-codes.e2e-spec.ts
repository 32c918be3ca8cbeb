import { buildCliIfStale } from './support/attest-cli';
import { notYaml, unknownFact, type Breakage } from './support/broken-policies';
import { PolicyRepo } from './support/policy-repo';
import {
  applyReviewedChange,
  expectedReplay,
  raiseReviewThreshold,
  RECORDED_DECISIONS,
  writeRecordedDecisions,
} from './support/reviewed-change';

const ROLES = 'policies/access/roles.yaml';

/** `attest policy diff` as a CI gate: --fail-on decides the exit code from what the change does; bad input exits 2 and says why. */
describe('attest policy diff exit codes', () => {
  const expected = expectedReplay(RECORDED_DECISIONS);
  /** The reviewed change, committed on top of the real policies: it adds a denial and widens access. */
  let reviewed: PolicyRepo;
  /** Only the review threshold raised, uncommitted: more decisions go to a human, none is newly denied. */
  let thresholdOnly: PolicyRepo;
  const failOn = (repo: PolicyRepo, base: string, rules: string) =>
    repo.attest('policy', 'diff', '--base', base, '--decisions', 'decisions.jsonl', '--fail-on', rules);

  beforeAll(async () => {
    await buildCliIfStale();
    reviewed = PolicyRepo.withRealPolicies();
    applyReviewedChange(reviewed);
    reviewed.commit('the reviewed change');
    writeRecordedDecisions(reviewed);
    thresholdOnly = PolicyRepo.withRealPolicies();
    raiseReviewThreshold(thresholdOnly);
    writeRecordedDecisions(thresholdOnly);
  });
  afterAll(() => {
    reviewed?.dispose();
    thresholdOnly?.dispose();
  });

  it('new-deny fails (exit 1) when a recorded decision that was not denied would now be', () => {
    expect(expected.newDenies).toBeGreaterThan(0);
    const run = failOn(reviewed, 'HEAD~1', 'new-deny');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    expect(run.stdout).toContain(
      `FAIL new-deny: ${expected.newDenies} replayed decision${expected.newDenies === 1 ? '' : 's'} would now be denied`,
    );
  });

  it('new-deny and lost-review pass (exit 0) when the change only sends more decisions to a human', () => {
    const run = failOn(thresholdOnly, 'HEAD', 'new-deny,lost-review');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('pass new-deny: 0 replayed decisions would now be denied');
    expect(run.stdout).toContain('pass lost-review: 0 replayed decisions would no longer go to a human');
    const reviewedNow = expected.byPolicy.find((p) => p.policyId === 'high-risk-low-confidence-review')!.gained;
    expect(run.stdout).toContain(`pack default: ${reviewedNow} of ${expected.replayed} replayed decisions change`);
  });

  it('flips:N passes at exactly N changed decisions and fails one below', () => {
    const atLimit = failOn(reviewed, 'HEAD~1', `flips:${expected.changed}`);
    expect(atLimit).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`pass flips>${expected.changed}: ${expected.changed} replayed decisions change`),
    });
    // flips>N is the same rule; passed as one argument, the > needs no quoting here.
    expect(failOn(reviewed, 'HEAD~1', `flips>${expected.changed}`).code).toBe(0);
    const below = failOn(reviewed, 'HEAD~1', `flips:${expected.changed - 1}`);
    expect(below).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(
        `FAIL flips>${expected.changed - 1}: ${expected.changed} replayed decisions change (at most ${expected.changed - 1} allowed)`,
      ),
    });
  });

  it('access-gained fails on a change that widens a role and passes on one that leaves access alone', () => {
    expect(failOn(reviewed, 'HEAD~1', 'access-gained')).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('FAIL access-gained: 2 permissions gained or widened'),
    });
    expect(failOn(thresholdOnly, 'HEAD', 'access-gained')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('pass access-gained: 0 permissions gained or widened'),
    });
  });

  it('exits 2 on an unknown --fail-on rule, listing the known ones', () => {
    const run = failOn(reviewed, 'HEAD~1', 'new-deny,new-denies');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--fail-on: unknown rule "new-denies"');
    expect(run.stderr).toContain('known: new-deny');
  });

  it('exits 2 on a ref the checkout does not have, saying how to fetch it', () => {
    const run = failOn(reviewed, 'origin/main', 'new-deny');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('unknown git ref "origin/main"');
    expect(run.stderr).toContain('fetch-depth: 0');
  });

  it('exits 2 on a missing or malformed decisions file, with the line', () => {
    expect(reviewed.attest('policy', 'diff', '--base', 'HEAD~1', '--decisions', 'missing.jsonl')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('missing.jsonl: no such file'),
    });
    reviewed.write('broken.jsonl', `${JSON.stringify(RECORDED_DECISIONS[0])}\n{"id": "dec-x", "automationKey": \n`);
    expect(reviewed.attest('policy', 'diff', '--base', 'HEAD~1', '--decisions', 'broken.jsonl')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('broken.jsonl: line 2: not JSON'),
    });
  });

  describe('a head whose policies do not load', () => {
    const breakages: [string, Breakage][] = [
      ['a YAML syntax error', notYaml],
      ['an unknown fact', unknownFact],
      [
        'an access rule with an unknown action',
        (repo) => {
          repo.replace(
            ROLES,
            '      - action: [create, read]\n        subject: Decision',
            '      - action: [create, read, delete]\n        subject: Decision',
          );
          return { file: ROLES, line: repo.lineOf(ROLES, 'action: [create, read, delete]') };
        },
      ],
    ];

    it.each(breakages)('exits 2 on %s, with the file and line on stderr', (_, breakIt) => {
      const repo = PolicyRepo.withRealPolicies();
      try {
        const { file, line } = breakIt(repo);
        const run = repo.attest('policy', 'diff', '--base', 'HEAD');
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr).toContain(`${file}:${line}:`);
        expect(run.stderr).toContain('the policies at the work tree do not load');
        // As the pull-request comment (found by its marker) and as annotations on the file, for CI.
        const comment = repo.attest('policy', 'diff', '--base', 'HEAD', '--format', 'markdown');
        expect(comment.code).toBe(2);
        expect(comment.stdout).toMatch(/^<!-- attest-policy-review -->\n\n## Attest policy review\n\nInvalid input:/);
        expect(comment.stdout).toContain(`${file}:${line}:`);
        expect(repo.attest('policy', 'diff', '--base', 'HEAD', '--format', 'github').stdout).toContain(
          `::error file=${file},line=${line},title=invalid-pack::`,
        );
      } finally {
        repo.dispose();
      }
    });
  });
});

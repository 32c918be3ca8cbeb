import { buildCliIfStale, type CliRun } from './support/attest-cli';
import { expectGolden, normalise } from './support/golden';
import { PolicyRepo } from './support/policy-repo';
import { applyReviewedChange, expectedReplay, RECORDED_DECISIONS, writeRecordedDecisions } from './support/reviewed-change';

/** `attest policy diff` on a pull request's checkout: the review it prints, pinned in golden files, and proved against the change. */
describe('attest policy diff (golden review of a change)', () => {
  let repo: PolicyRepo;
  let base: string;
  let head: string;
  let decisions: string;
  const runs = new Map<string, CliRun>();
  /** The review in one format, run once (several tests read the JSON). */
  const review = (format: string): CliRun => {
    if (!runs.has(format)) {
      runs.set(
        format,
        repo.attest(
          'policy',
          'diff',
          '--base',
          'HEAD~1',
          '--decisions',
          decisions,
          '--fail-on',
          'new-deny,lost-review',
          '--examples',
          '3',
          '--format',
          format,
        ),
      );
    }
    return runs.get(format)!;
  };

  beforeAll(async () => {
    await buildCliIfStale();
    repo = PolicyRepo.withRealPolicies();
    base = repo.revParse('HEAD');
    applyReviewedChange(repo);
    head = repo.commit('raise the review threshold, drop the dev annotation, deny near-zero confidence, widen two roles');
    decisions = writeRecordedDecisions(repo);
  });
  afterAll(() => repo?.dispose());

  it("keeps the changed pack's own tests passing", () => {
    expect(repo.attest('policy', 'test')).toMatchObject({ code: 0, stderr: '' });
  });

  it.each([
    ['markdown', 'diff.md'],
    ['text', 'diff.txt'],
    ['json', 'diff.json'],
  ])('renders the review as %s, as committed in test/golden/policy-review/%s', (format, golden) => {
    const run = review(format);
    // The replay adds a denial, so the new-deny check fails: exit 1, and nothing on stderr.
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    // The commits' hashes and the temporary path differ every run: normalised before comparing (see normalise).
    expectGolden(golden, normalise(run.stdout, { commits: { 'base-commit': base, 'head-commit': head }, dir: repo.dir }));
  });

  it('reports exactly the policies and permissions the change touched', () => {
    const report = JSON.parse(review('json').stdout);
    expect(report.base).toEqual({ label: 'HEAD~1', commit: base });
    expect(report.packs.map((p: { pack: string; change: string }) => [p.pack, p.change])).toEqual([['default', 'changed']]);
    expect(report.packs[0].policies.map((p: { id: string; change: string; source: string }) => [p.change, p.id, p.source])).toEqual([
      ['removed', 'annotate-dev-decisions', 'policies/default/annotate-dev-decisions.yaml:1'],
      ['added', 'deny-very-low-confidence-production', 'policies/default/deny-very-low-confidence-production.yaml:1'],
      ['changed', 'high-risk-low-confidence-review', 'policies/default/high-risk-low-confidence-review.yaml:2'],
    ]);
    expect(report.packs[0].policies[2].conditions).toEqual([
      {
        path: 'conditions.all[1]',
        change: 'changed',
        before: 'decision.confidence lessThan 0.7',
        after: 'decision.confidence lessThan 0.8',
      },
    ]);
    expect(
      report.access.map((a: { change: string; role: string; action: string; subject: string }) => [a.change, a.role, a.action, a.subject]),
    ).toEqual([
      ['widened', 'automation_owner', 'read', 'Decision'],
      ['gained', 'auditor', 'review', 'Decision'],
    ]);
  });

  it('flips exactly the recorded decisions the changed policies decide differently', () => {
    const [replay] = JSON.parse(review('json').stdout).replay.reports;
    const expected = expectedReplay(RECORDED_DECISIONS);
    expect(replay).toMatchObject({
      pack: 'default',
      decisions: expected.decisions,
      withoutFacts: expected.withoutFacts,
      replayed: expected.replayed,
      failed: 0,
      changed: expected.changed,
      byPolicy: expected.byPolicy,
    });
    const newDenies = replay.byEffect.filter((e: { from: string; to: string }) => e.to === 'deny' && e.from !== 'deny');
    expect(newDenies.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(expected.newDenies);
    // Raising a review threshold and dropping an annotation never takes a decision away from a human.
    expect(
      replay.byEffect.filter(
        (e: { from: string; to: string }) => e.from === 'require_review' && !['require_review', 'deny'].includes(e.to),
      ),
    ).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, XmlElement } from '@rgrove/parse-xml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { attest, buildCliIfStale, REPO_ROOT } from './support/attest-cli';
import { notYaml, unknownFact, type Breakage } from './support/broken-policies';
import { PolicyRepo } from './support/policy-repo';

const DECISION_TESTS = 'policies/default/tests/decisions.yaml';
const FAILING_CASE = 'staging may use an approved model version';

/** The test cases of the repository's packs, counted from the files (every case starts with `- name:`). */
function casesInRepository(): number {
  const packs = join(REPO_ROOT, 'policies');
  return readdirSync(packs, { recursive: true })
    .map(String)
    .filter((file) => /(^|\/)tests\/[^/]+\.yaml$/.test(file))
    .reduce((n, file) => n + (readFileSync(join(packs, file), 'utf8').match(/^\s*- name:/gm) ?? []).length, 0);
}

const elements = (parent: XmlElement, name: string) =>
  parent.children.filter((c): c is XmlElement => c instanceof XmlElement && c.name === name);

/** `attest policy test` as a policy author and a CI job run it. */
describe('attest policy test', () => {
  /** The real policies with one case expecting the wrong outcome. */
  let failing: PolicyRepo;
  let failingLine: number;

  beforeAll(async () => {
    await buildCliIfStale();
    failing = PolicyRepo.withRealPolicies();
    failingLine = failing.lineOf(DECISION_TESTS, `- name: ${FAILING_CASE}`);
    const staging = 'environment: staging }\n      modelVersion: { status: approved }\n    expect: { effect: allow, matched: [] }';
    failing.replace(
      DECISION_TESTS,
      staging,
      staging.replace('effect: allow, matched: []', 'effect: deny, matched: [production-requires-deployed-model]'),
    );
  });
  afterAll(() => failing?.dispose());

  it("passes (exit 0) on the repository's own policies, every case counted", () => {
    const cases = casesInRepository();
    const run = attest(REPO_ROOT, ['policy', 'test']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`policy tests: ${cases} of ${cases} cases passed`);
  });

  it('fails (exit 1) on a case that expects the wrong outcome, naming its file:line', () => {
    const run = failing.attest('policy', 'test');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `FAIL ${DECISION_TESTS}:${failingLine}: ${FAILING_CASE}: expected deny [production-requires-deployed-model], got allow []`,
    );
  });

  describe('an invalid pack', () => {
    const invalid: [string, Breakage][] = [
      ['a policy that is not YAML', notYaml],
      ['a policy reading an unknown fact', unknownFact],
      [
        'a case expecting a policy the pack does not have',
        (repo) => {
          repo.replace(DECISION_TESTS, 'matched: [deny-unacceptable-risk-decisions] }', 'matched: [deny-unacceptable-risk-decision] }');
          return { file: DECISION_TESTS, line: repo.lineOf(DECISION_TESTS, 'matched: [deny-unacceptable-risk-decision] }') };
        },
      ],
    ];

    it.each(invalid)('exits 2 on %s, with the file and line on stderr', (_, breakIt) => {
      const repo = PolicyRepo.withRealPolicies();
      try {
        const { file, line } = breakIt(repo);
        const run = repo.attest('policy', 'test');
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr).toContain(`${file}:${line}:`);
        // A CI job reading annotations gets the problem on stdout too.
        expect(repo.attest('policy', 'test', '--format', 'github')).toMatchObject({
          code: 2,
          stdout: expect.stringContaining(`::error file=${file},line=${line},title=invalid-pack::`),
        });
      } finally {
        repo.dispose();
      }
    });
  });

  it('--format junit is well-formed XML with one testcase per case, the failing one with its failure', () => {
    const run = failing.attest('policy', 'test', '--format', 'junit');
    expect(run.code).toBe(1);
    const root = parseXml(run.stdout).root!;
    const testcases = elements(root, 'testsuite').flatMap((suite) => elements(suite, 'testcase'));
    expect(testcases).toHaveLength(casesInRepository());
    expect(root.attributes).toMatchObject({ tests: String(casesInRepository()), failures: '1' });
    const failed = testcases.filter((c) => elements(c, 'failure').length > 0);
    expect(failed.map((c) => c.attributes)).toEqual([
      { name: FAILING_CASE, classname: 'default', file: DECISION_TESTS, line: String(failingLine) },
    ]);
  });

  it('--format sarif validates against SARIF 2.1.0 and locates the failing case', () => {
    const run = failing.attest('policy', 'test', '--format', 'sarif');
    expect(run.code).toBe(1);
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'libs/policy-review/src/report/sarif-2.1.0.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(run.stdout);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    const failures = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'test-failed');
    expect(failures).toEqual([
      expect.objectContaining({
        level: 'error',
        locations: [
          { physicalLocation: { artifactLocation: { uri: DECISION_TESTS, uriBaseId: '%SRCROOT%' }, region: { startLine: failingLine } } },
        ],
      }),
    ]);
  });

  it('--format github annotates the failing case at its file and line', () => {
    const run = failing.attest('policy', 'test', '--format', 'github');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      // The failure names the test case's line, and where the policy it is about is written.
      `::error file=${DECISION_TESTS},line=${failingLine},title=test-failed::${FAILING_CASE}: expected deny [production-requires-deployed-model], got allow [] ` +
        '(production-requires-deployed-model at policies/default/production-requires-deployed-model.yaml:1)',
    ]);
  });
});

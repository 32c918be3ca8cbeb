import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { checkReport } from './check-report.fixture';
import type { CheckReport, Finding } from './check-report';
import { renderSarif, renderSarifJson } from './sarif';
import sarifSchema from './sarif-2.1.0.schema.json';

// No small npm package ships the OASIS schema (sarif-schema-2.1.0.json), so the test validates
// against the subset of it that Attest writes, transcribed from OASIS SARIF 2.1.0: sarifLog §3.13,
// run §3.14 (originalUriBaseIds §3.14.14), tool §3.18, toolComponent §3.19, reportingDescriptor
// §3.49, multiformatMessageString §3.12, result §3.27, message §3.11, location §3.28,
// physicalLocation §3.29, artifactLocation §3.4, region §3.30. Its objects are closed as in the
// full schema, so what it accepts the full schema accepts too.
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValid(log: unknown): void {
  validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
}

const RULES = [
  { id: 'test/failed', description: 'A test case did not get the expected outcome.' },
  { id: 'lint/unused-fact', description: 'A policy reads a fact nothing provides.' },
];

const FINDINGS: Finding[] = [
  { ruleId: 'test/failed', level: 'error', message: 'expected deny, got allow', location: { file: 'policies/risk.yaml', line: 14 } },
  {
    ruleId: 'lint/unused-fact',
    level: 'warning',
    message: 'fact "x" is never provided',
    location: { file: 'policies\\my pack\\ü#1.yaml', line: 2 },
  },
  { ruleId: 'lint/unused-fact', level: 'note', message: 'consider a description' },
];

const REPORT: CheckReport = checkReport({ tool: 'attest policy lint', version: '1.2.3', rules: RULES, findings: FINDINGS });

type JsonNode = Record<string | number, unknown>;
const LOCATION = ['runs', 0, 'results', 0, 'locations', 0, 'physicalLocation'];

/** A valid log with the value at `path` replaced (removed, for undefined), to prove the validator bites. */
function brokenLog(path: Array<string | number>, value: unknown): unknown {
  const log = structuredClone(renderSarif(REPORT)) as unknown as JsonNode;
  const parent = path.slice(0, -1).reduce((node, key) => node[key] as JsonNode, log);
  const key = path[path.length - 1];
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return log;
}

describe('renderSarif', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema', () => {
    expectValid(renderSarif(REPORT));
    expectValid(renderSarif(checkReport()));
  });

  it.each([
    ['a missing version', ['version'], undefined],
    ['another version', ['version'], '2.0.0'],
    ['an unknown level', ['runs', 0, 'results', 0, 'level'], 'fatal'],
    ['a result without message', ['runs', 0, 'results', 0, 'message'], undefined],
    ['line 0', [...LOCATION, 'region', 'startLine'], 0],
    ['a uri with a space', [...LOCATION, 'artifactLocation', 'uri'], 'a b.yaml'],
    ['an unknown property', ['runs', 0, 'tool', 'driver', 'homepage'], 'https://example.com'],
    ['a relative informationUri', ['runs', 0, 'tool', 'driver', 'informationUri'], 'attest'],
  ])('is checked by a validator that rejects %s', (_, path, value) => {
    expect(validateSarif(brokenLog(path, value))).toBe(false);
  });

  it('describes the attest driver and its rules', () => {
    const { driver } = renderSarif(REPORT).runs[0].tool;

    expect(driver).toEqual({
      name: 'attest',
      version: '1.2.3',
      informationUri: 'https://github.com/attest-governance/attest',
      rules: [
        { id: 'test/failed', shortDescription: { text: 'A test case did not get the expected outcome.' } },
        { id: 'lint/unused-fact', shortDescription: { text: 'A policy reads a fact nothing provides.' } },
      ],
    });
  });

  it('writes one result per finding, in order, with its level, message and rule index', () => {
    const { results } = renderSarif(REPORT).runs[0];

    expect(results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.message.text])).toEqual([
      ['test/failed', 0, 'error', 'expected deny, got allow'],
      ['lint/unused-fact', 1, 'warning', 'fact "x" is never provided'],
      ['lint/unused-fact', 1, 'note', 'consider a description'],
    ]);
  });

  it('keeps one rule per id and leaves out ruleIndex for a rule that was not declared', () => {
    const log = renderSarif(
      checkReport({
        rules: [RULES[0], { ...RULES[0], description: 'again' }],
        findings: [{ ruleId: 'undeclared', level: 'error', message: 'm' }],
      }),
    );

    expectValid(log);
    expect(log.runs[0].tool.driver.rules.map((r) => r.shortDescription.text)).toEqual([RULES[0].description]);
    expect(log.runs[0].results[0]).not.toHaveProperty('ruleIndex');
  });

  it('locates results by repository-relative, percent-encoded uris under %SRCROOT%', () => {
    const log = renderSarif(
      checkReport({
        findings: [...FINDINGS, { ruleId: 'r', level: 'error', message: 'm', location: { file: './c:odd?[1] 100%.yaml', line: 1 } }],
      }),
    );
    const [first, second, third, fourth] = log.runs[0].results;

    expectValid(log);
    expect(first.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'policies/risk.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 14 } } },
    ]);
    expect(second.locations?.[0].physicalLocation.artifactLocation.uri).toBe('policies/my%20pack/%C3%BC%231.yaml');
    expect(third).not.toHaveProperty('locations');
    expect(fourth.locations?.[0].physicalLocation.artifactLocation.uri).toBe('c%3Aodd%3F%5B1%5D%20100%25.yaml');
    expect(Object.keys(log.runs[0].originalUriBaseIds)).toEqual(['%SRCROOT%']);
  });
});

describe('renderSarifJson', () => {
  it('writes the log as 2-space indented JSON ending with a newline', () => {
    const json = renderSarifJson(REPORT);

    expect(JSON.parse(json)).toEqual(renderSarif(REPORT));
    expect(json).toMatch(/^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json",\n/);
    expect(json.endsWith('}\n')).toBe(true);
  });
});

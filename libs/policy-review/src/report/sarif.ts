import type { CheckReport, Finding, SourceLocation } from './check-report';
import { repositoryPath } from './repository-path';
import type { SarifLocation, SarifLog, SarifReportingDescriptor, SarifResult } from './sarif-log';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/attest-governance/attest';
/** The base every location is relative to; code-scanning uploads resolve it to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * A SARIF 2.1.0 log with one run, for code-scanning uploads. Results come from `findings` only:
 * the commands report every failed or errored case as a finding too, so rendering `cases` as well
 * would show each problem twice.
 */
export function renderSarif(report: CheckReport): SarifLog {
  const rules = uniqueRules(report);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'attest', version: report.version, informationUri: INFORMATION_URI, rules } },
        // Declared without its absolute uri, which would be this machine's path; §3.14.14 lets it be omitted.
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The root of the repository under review.' } } },
        results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId))),
      },
    ],
  };
}

/** The log as a file: 2-space indented JSON ending with a newline. */
export function renderSarifJson(report: CheckReport): string {
  return `${JSON.stringify(renderSarif(report), null, 2)}\n`;
}

/** The first rule of each id; SARIF wants distinct rules and `ruleIndex` to point at one. */
function uniqueRules(report: CheckReport): SarifReportingDescriptor[] {
  return report.rules
    .filter((rule, index) => report.rules.findIndex((other) => other.id === rule.id) === index)
    .map((rule) => ({ id: rule.id, shortDescription: { text: rule.description } }));
}

/** `ruleIndex` is left out for a rule the report did not declare: §3.27.6 says it SHALL be absent then. */
function result(finding: Finding, ruleIndex: number | undefined): SarifResult {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: finding.level,
    message: { text: finding.message },
    ...(finding.location ? { locations: [location(finding.location)] } : {}),
  };
}

function location(source: SourceLocation): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(source.file), uriBaseId: SOURCE_ROOT },
      region: { startLine: source.line },
    },
  };
}

/**
 * A relative URI reference for a repository path (§3.4.3): `encodeURI` escapes spaces, `%` and
 * non-ASCII but leaves `?` and `#`, which would end the path, and `:`, which would turn a first
 * segment like `c:` into a scheme.
 */
function artifactUri(file: string): string {
  return encodeURI(repositoryPath(file)).replace(/[?#:]/g, (c) => encodeURIComponent(c));
}

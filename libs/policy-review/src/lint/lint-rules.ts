import { canonicalJson } from '@attest/core';
import { type PackTestCase, type Policy, type PolicyPack } from '@attest/policy';
import { PolicyYaml } from '../coverage/policy-yaml';
import { parseFileLine } from '../coverage/source-location';
import type { Finding, FindingLevel, FindingRule, SourceLocation } from '../report/check-report';

export type LintRuleId = 'invalid-pack' | 'invalid-tests' | 'high-severity-without-framework' | 'untested-policy' | 'version-not-raised';

export interface LintRule extends FindingRule {
  id: LintRuleId;
  level: FindingLevel;
}

export const LINT_RULES: LintRule[] = [
  {
    id: 'invalid-pack',
    level: 'error',
    description: 'The policy pack does not load (YAML syntax, schema, duplicate ids or unknown facts).',
  },
  { id: 'invalid-tests', level: 'error', description: "The pack's tests do not load, or a case's facts are not in the fact catalogue." },
  {
    id: 'high-severity-without-framework',
    level: 'error',
    description: 'A high or critical policy cites no recognised regulatory framework.',
  },
  {
    id: 'untested-policy',
    level: 'warning',
    description: 'No test case expects the policy to match, or none of its subject expects it not to match.',
  },
  {
    id: 'version-not-raised',
    level: 'error',
    description: 'A policy changed against the base ref without raising its version, or its version went down.',
  },
];

/** Frameworks a high-severity policy may rest on, as the `<framework>` of `frameworks: [<framework>:<ref>]`. */
export const RECOGNISED_FRAMEWORKS = ['EU-AI-Act', 'NIST-AI-RMF', 'ISO-IEC-42001', 'GDPR'] as const;

const HIGH_SEVERITIES: readonly Policy['severity'][] = ['high', 'critical'];
const LEVELS = new Map(LINT_RULES.map((r) => [r.id, r.level]));

export function lintFinding(ruleId: LintRuleId, message: string, location?: SourceLocation): Finding {
  return { ruleId, level: LEVELS.get(ruleId)!, message, ...(location && { location }) };
}

/** One finding per `file:line: field: message` problem of a PolicyPackError. */
export function loadProblemFindings(ruleId: 'invalid-pack' | 'invalid-tests', problems: readonly string[]): Finding[] {
  return problems.map((problem) => {
    const { location, rest } = parseFileLine(problem);
    return location ? lintFinding(ruleId, rest, location) : lintFinding(ruleId, problem);
  });
}

export function frameworkFindings(pack: PolicyPack, cwd: string): Finding[] {
  const recognised = (ref: string) => (RECOGNISED_FRAMEWORKS as readonly string[]).includes(ref.slice(0, ref.indexOf(':')));
  return pack.policies
    .filter((p) => HIGH_SEVERITIES.includes(p.severity) && !p.frameworks.some(recognised))
    .map((p) =>
      lintFinding(
        'high-severity-without-framework',
        `"${p.id}" is ${p.severity} severity but cites no recognised framework (${p.frameworks.join(', ')}; recognised: ${RECOGNISED_FRAMEWORKS.join(', ')})`,
        PolicyYaml.read(pack.sources[p.id], cwd)?.keyLocation('frameworks') ?? policyLocation(pack, p.id),
      ),
    );
}

/** The same policies as uncoveredPolicies, saying which side no case pins down. */
export function untestedFindings(pack: PolicyPack, cases: readonly PackTestCase[]): Finding[] {
  return pack.policies.flatMap((p) => {
    const sameSubject = cases.filter((c) => c.appliesTo === p.appliesTo);
    const missing = [
      !sameSubject.some((c) => c.expect.matched.includes(p.id)) && 'to match',
      !sameSubject.some((c) => !c.expect.matched.includes(p.id)) && 'not to match',
    ].filter((side): side is string => !!side);
    if (missing.length === 0) return [];
    return [
      lintFinding('untested-policy', `no ${p.appliesTo} test case expects "${p.id}" ${missing.join(' or ')}`, policyLocation(pack, p.id)),
    ];
  });
}

/** Policies of `pack` whose meaning changed against `base` (same pack at the base ref) with no higher version. */
export function versionFindings(pack: PolicyPack, base: PolicyPack, cwd: string): Finding[] {
  const before = new Map(base.policies.map((p) => [p.id, p]));
  return pack.policies.flatMap((p) => {
    const old = before.get(p.id);
    if (!old) return [];
    let message: string | undefined;
    if (p.version < old.version) message = `"${p.id}" version went down from ${old.version} to ${p.version}`;
    else if (p.version === old.version && meaning(p) !== meaning(old)) {
      message = `"${p.id}" changed against the base but its version is still ${p.version}; raise it to ${p.version + 1}`;
    }
    if (!message) return [];
    const location = PolicyYaml.read(pack.sources[p.id], cwd)?.keyLocation('version') ?? policyLocation(pack, p.id);
    return [lintFinding('version-not-raised', message, location)];
  });
}

/** Everything but `version`, canonically: formatting, comments and key order are not a change. */
const meaning = (policy: Policy) => canonicalJson({ ...policy, version: undefined });

const policyLocation = (pack: PolicyPack, id: string) => parseFileLine(pack.sources[id] ?? '').location;

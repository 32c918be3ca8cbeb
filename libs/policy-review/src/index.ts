/**
 * Policy review (docs/policy-review.md): what `attest policy test | lint | diff` compute — test runs
 * with coverage, lint findings, the semantic diff of risk packs and access rules, the replay of
 * recorded decisions — and how they are reported (text, Markdown, JSON, JUnit, SARIF, GitHub
 * annotations). All of it pure (no NestJS, no database) and shared by the CLI and the API, except
 * simulation/: simulatePolicyPack, the same replay as a background job of the API.
 */
export * from './report/check-report';
export { renderJUnit } from './report/junit';
export { renderSarif, renderSarifJson } from './report/sarif';
export { renderGithubAnnotations } from './report/github';
export { diffAccess, summariseAccess, type AccessChange } from './access/access-diff';
export { accessDiffMarkdown, accessDiffText } from './access/access-diff-render';
export { conditionCoverage, type UncoveredCondition } from './coverage/condition-coverage';
export { lintPolicies, type LintResult } from './lint/lint-policies';
export { LINT_RULES, RECOGNISED_FRAMEWORKS } from './lint/lint-rules';
export { diffPacks, type PackDiff, type PolicyChange } from './diff/pack-diff';
export { diffConditions, type ConditionChange } from './diff/condition-diff';
export { checkFailOn, FAIL_ON_HELP, FailOnError, parseFailOn, type FailOnCheck, type FailOnRule } from './diff/fail-on';
export { policyDiff, type DiffSide, type PolicyDiffReport } from './diff/policy-diff';
export { GitRefError, treeAtRef, type TreeAtRef } from './git/tree-at-ref';
export {
  DecisionRecordError,
  parseDecisionRecord,
  type DecisionRecord,
  type GateRecord,
  type ReplayRecord,
} from './replay/decision-record';
export { decisionsFromFile } from './replay/decision-source';
export { replayDecisions, type GateChange, type PackPair, type ReplayReport } from './replay/replay';
export { runPolicyTests, type PackTestRun, type PolicyTestRun } from './pack-tests/policy-test-run';
export { COMMENT_MARKER, diffMarkdown } from './render/diff-markdown';
export { diffText } from './render/diff-text';
export { diffCheckReport } from './render/diff-checks';
export { invalidInputReport, testCheckReport, testMarkdown, testText } from './render/test-report';
export { lintCheckReport, lintMarkdown, lintText } from './render/lint-report';
export { PolicySimulationModule, POLICY_SIMULATION_RESOLVERS } from './simulation/policy-simulation.module';
export { PolicySimulationSweeper } from './simulation/policy-simulation.sweeper';
export { cleanCommitOf } from './git/clean-commit';

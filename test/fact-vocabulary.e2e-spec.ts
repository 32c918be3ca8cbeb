import { MONITOR_METRICS, MONITOR_STATES, monitorFactKey } from '@attest/monitoring';
import { factDefinition, MONITOR_FACT_METRICS, PII_CLASSES as FACT_PII_CLASSES } from '@attest/policy';
import { Environment, LifecycleStatus, OversightMode, PII_CLASSES, RiskClass, RiskTier } from '@attest/registry';

/**
 * The policy library repeats the registry's vocabulary in its fact catalogue: policy may not import
 * registry (the dependency rules, docs/architecture.md), and the registry owns the words. This test,
 * which may import both, keeps the two lists equal, so a value added to one fails here, not in a
 * policy pack that silently never matches. The same holds for the monitoring context's metrics and
 * states, which policies read as `monitor.<metric>.state`.
 */
const VOCABULARY: [fact: string, values: readonly string[]][] = [
  ['automation.riskClass', Object.values(RiskClass)],
  ['automation.declaredRiskClass', Object.values(RiskClass)],
  ['automation.oversightMode', Object.values(OversightMode)],
  ['automation.environment', Object.values(Environment)],
  ['modelVersion.status', Object.values(LifecycleStatus)],
  ['modelVersion.riskTier', Object.values(RiskTier)],
  ['transition.from', Object.values(LifecycleStatus)],
  ['transition.to', Object.values(LifecycleStatus)],
  ...MONITOR_METRICS.map((metric): [string, readonly string[]] => [`monitor.${monitorFactKey(metric)}.state`, MONITOR_STATES]),
];

describe("the policy facts' values are the registry's vocabulary", () => {
  it.each(VOCABULARY)('%s', (fact, values) => {
    expect([...(factDefinition(fact)?.values ?? [])].sort()).toEqual([...values].sort());
  });

  it("the monitors' metrics", () => {
    expect(Object.keys(MONITOR_FACT_METRICS).sort()).toEqual(MONITOR_METRICS.map(monitorFactKey).sort());
  });

  it('the personal-data classes of dataset facts', () => {
    expect([...FACT_PII_CLASSES].sort()).toEqual([...PII_CLASSES].sort());
  });
});

import { createHash } from 'node:crypto';
import { PolicyFactsError } from './policy.errors';

/**
 * The facts a policy may test. Conditions name them with dotted fact names (`automation.riskClass`);
 * callers hand evaluators a nested object of the same shape (`{ automation: { riskClass: 'high' } }`).
 * Absent facts are `null`, so `equal: null` matches a missing value. Derived facts are computed here
 * from the others and may not be supplied. `context.*` is free-form (any key, any JSON value).
 *
 * The value lists mirror libs/registry's enums; they are repeated because policy may not import
 * registry (docs/architecture.md, "Dependency rules"), and so this library stays free of NestJS and
 * TypeORM and can run in the CLI and in CI. test/fact-vocabulary.e2e-spec.ts keeps them equal.
 */
export type FactType = 'string' | 'number' | 'boolean' | 'string[]' | 'object' | 'dataset[]' | 'any';

export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  /** Allowed values of a string (or of each item of a string list). */
  values?: readonly string[];
  derived?: boolean;
}

const RISK_CLASSES = ['unacceptable', 'high', 'limited', 'minimal'];
const LIFECYCLE = ['draft', 'in_review', 'approved', 'deployed', 'deprecated', 'retired'];
export const PII_CLASSES = [
  'none',
  'contact',
  'identifier',
  'financial',
  'health',
  'biometric',
  'location',
  'special_category',
  'children',
];

/** A drift monitor's states, and the metrics a monitor may watch as `monitor.<metric>.*` facts (libs/monitoring). */
export const MONITOR_STATES = ['no_data', 'ok', 'warn', 'alert'];
export const MONITOR_FACT_METRICS: Record<string, string> = {
  confidencePsi: 'confidence PSI',
  confidenceKs: 'confidence KS',
  labelPsi: 'output label PSI',
  overrideRate: 'override rate',
  blockedRate: 'blocked rate',
};

const fact = (name: string, type: FactType, description: string, values?: readonly string[]): FactDefinition => ({
  name,
  type,
  description,
  values,
});
const derived = (name: string, type: FactType, description: string): FactDefinition => ({ name, type, description, derived: true });

export const FACT_CATALOGUE: readonly FactDefinition[] = [
  fact('decision.id', 'string', 'Id of the decision being recorded'),
  fact('decision.confidence', 'number', 'Model confidence, 0..1'),
  fact('decision.output', 'any', 'The decision output as recorded'),
  fact('decision.outputPiiFindings', 'number', 'Unredacted personal-data findings in the output'),
  derived('decision.sampleBucket', 'number', '0..99, the first 4 bytes of SHA-256(decision.id) modulo 100; null without an id'),
  fact('automation.riskClass', 'string', 'EU AI Act risk class of the automation', RISK_CLASSES),
  fact('automation.declaredRiskClass', 'string', 'Risk class the registrant declares (automation.register)', RISK_CLASSES),
  fact('automation.oversightMode', 'string', 'Human oversight of decisions', ['none', 'sample', 'required']),
  fact('automation.environment', 'string', 'Where the automation runs', ['dev', 'staging', 'production']),
  fact('automation.purpose', 'string', 'Declared purpose'),
  fact('automation.domain', 'string', 'Application domain, e.g. an EU AI Act Annex III area (employment, credit, …)'),
  fact('modelVersion.status', 'string', 'Lifecycle status of the model version', LIFECYCLE),
  fact('modelVersion.riskTier', 'string', "The model owner's risk assessment", ['low', 'medium', 'high']),
  fact('modelVersion.intendedUse', 'string', 'Documented intended use'),
  fact('modelVersion.limitations', 'string', 'Documented known limitations'),
  fact('modelVersion.metrics', 'object', 'Evaluation metrics, name → value (use `path: $.name`)'),
  derived('modelVersion.metricNames', 'string[]', 'Sorted names of modelVersion.metrics ([] without metrics)'),
  derived('modelVersion.metricCount', 'number', 'Number of modelVersion.metrics (0 without metrics)'),
  fact('modelVersion.approverCount', 'number', 'Distinct approvers, counting the one acting now'),
  fact('modelVersion.submittedBy', 'string', 'Principal id who submitted the version for review'),
  fact('modelVersion.approvedBy', 'string', 'Principal id who approved the version'),
  fact('datasetVersions', 'dataset[]', 'Dataset versions directly linked: `[{ piiClasses, provenance }]`'),
  derived('datasetVersions.piiClasses', 'string[]', 'Union of piiClasses over datasetVersions, sorted'),
  derived(
    'datasetVersions.specialCategoryWithoutProvenance',
    'number',
    'How many datasetVersions hold special_category data and have no provenance',
  ),
  fact('upstream.datasetVersions', 'dataset[]', 'Every dataset version upstream (transitively, through all model versions)'),
  derived('upstream.datasetVersions.piiClasses', 'string[]', 'Union of piiClasses over upstream.datasetVersions, sorted'),
  derived(
    'upstream.datasetVersions.specialCategoryWithoutProvenance',
    'number',
    'How many upstream dataset versions hold special_category data without provenance',
  ),
  ...Object.entries(MONITOR_FACT_METRICS).flatMap(([metric, what]) => [
    fact(
      `monitor.${metric}.state`,
      'string',
      `State of the automation version's ${what} monitor at its last evaluation; null without that monitor`,
      MONITOR_STATES,
    ),
    fact(`monitor.${metric}.value`, 'number', `Value of the ${what} monitor at its last evaluation; null without one or without data`),
  ]),
  derived('monitor.alerting', 'string[]', 'The metrics (e.g. confidencePsi) whose monitor is in alert, sorted; [] when none is'),
  fact('principal.id', 'string', 'Who acts'),
  fact('principal.roles', 'string[]', 'Their roles'),
  fact('transition.from', 'string', 'Lifecycle status before', LIFECYCLE),
  fact('transition.to', 'string', 'Lifecycle status requested', LIFECYCLE),
  fact('transition.actorId', 'string', 'Principal id requesting the transition'),
  fact('context', 'object', 'Free-form caller context; its keys are also facts `context.<key>`'),
];

const BY_NAME = new Map(FACT_CATALOGUE.map((f) => [f.name, f]));
/** `upstream`, `upstream.datasetVersions`, …: every proper prefix of a fact name. */
const NAMESPACES = new Set(
  FACT_CATALOGUE.flatMap(({ name }) => {
    const parts = name.split('.');
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
  }),
);
const CONTEXT_FACT = /^context\.[A-Za-z_][A-Za-z0-9_]*$/;
const DATASET_KEYS = new Set(['id', 'piiClasses', 'provenance']);

/** The catalogue entry for a fact name a condition uses, or undefined when it is not a fact. */
export function factDefinition(name: string): FactDefinition | undefined {
  if (CONTEXT_FACT.test(name)) return { name, type: 'any', description: 'Free-form context value' };
  return BY_NAME.get(name);
}

export type ResolvedFacts = Record<string, unknown>;

/** Flattens caller facts into dotted fact names, checks their types and computes the derived ones. */
export function resolveFacts(input: Record<string, unknown>): ResolvedFacts {
  const problems: string[] = [];
  const flat: ResolvedFacts = {};
  collect(input, '', flat, problems);
  if (problems.length > 0) throw new PolicyFactsError(problems);
  for (const def of FACT_CATALOGUE) if (!def.derived && !(def.name in flat)) flat[def.name] = null;
  const metrics = flat['modelVersion.metrics'] as Record<string, unknown> | null;
  const metricNames = metrics ? Object.keys(metrics).sort() : [];
  flat['decision.sampleBucket'] = typeof flat['decision.id'] === 'string' ? sampleBucket(flat['decision.id']) : null;
  flat['modelVersion.metricNames'] = metricNames;
  flat['modelVersion.metricCount'] = metricNames.length;
  flat['monitor.alerting'] = Object.keys(MONITOR_FACT_METRICS)
    .filter((metric) => flat[`monitor.${metric}.state`] === 'alert')
    .sort();
  for (const prefix of ['datasetVersions', 'upstream.datasetVersions']) {
    const datasets = (flat[prefix] ?? []) as DatasetFacts[];
    flat[`${prefix}.piiClasses`] = [...new Set(datasets.flatMap((d) => d.piiClasses ?? []))].sort();
    flat[`${prefix}.specialCategoryWithoutProvenance`] = datasets.filter(
      (d) => d.piiClasses?.includes('special_category') && !d.provenance,
    ).length;
  }
  return flat;
}

export interface DatasetFacts {
  id?: string;
  piiClasses?: string[];
  provenance?: string | null;
}

/** Deterministic 0..99 bucket for sampling oversight: the same decision always lands in the same bucket. */
export function sampleBucket(decisionId: string): number {
  return createHash('sha256').update(decisionId).digest().readUInt32BE(0) % 100;
}

function collect(value: Record<string, unknown>, prefix: string, flat: ResolvedFacts, problems: string[]): void {
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const def = BY_NAME.get(name);
    if (def?.derived) {
      problems.push(`${name}: is derived from other facts and cannot be supplied`);
    } else if (def) {
      const problem = item === null || item === undefined ? undefined : typeProblem(def, item);
      if (problem) problems.push(`${name}: ${problem}`);
      flat[name] = item ?? null;
      if (name === 'context' && isPlainObject(item)) for (const [k, v] of Object.entries(item)) flat[`context.${k}`] = v ?? null;
    } else if (NAMESPACES.has(name) && isPlainObject(item)) {
      collect(item, name, flat, problems);
    } else {
      problems.push(`${name}: not in the fact catalogue`);
    }
  }
}

// Runs for every fact of every decision: a switch, not a table of closures built per call.
function hasType(type: FactType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((s) => typeof s === 'string');
    case 'object':
      return isPlainObject(value);
    case 'dataset[]':
      return Array.isArray(value) && value.every(isDataset);
    case 'any':
      return true;
  }
}

function typeProblem(def: FactDefinition, value: unknown): string | undefined {
  if (!hasType(def.type, value))
    return def.type === 'dataset[]' ? 'expected a list of { piiClasses: [..], provenance }' : `expected ${def.type}`;
  if (!def.values) return undefined;
  const unknown = (Array.isArray(value) ? value : [value]).find((v) => !def.values!.includes(v as string));
  return unknown === undefined ? undefined : `unknown value "${String(unknown)}" (known: ${def.values.join(', ')})`;
}

function isDataset(value: unknown): boolean {
  if (!isPlainObject(value) || Object.keys(value).some((k) => !DATASET_KEYS.has(k))) return false;
  const pii = value.piiClasses;
  const piiOk = pii === undefined || (Array.isArray(pii) && pii.every((p) => PII_CLASSES.includes(p as string)));
  return piiOk && (value.provenance == null || typeof value.provenance === 'string');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

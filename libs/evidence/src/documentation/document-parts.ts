import type { DocumentBlock, DocumentSection } from '../rendering';
import type {
  DatasetVersionFacts,
  GoverningPolicies,
  LifecycleFacts,
  ModelVersionFacts,
  MonitorFacts,
  OversightFacts,
} from './technical-facts';

/**
 * The sections the Annex IV documents of automations and models and the model card share, each
 * from facts alone: a section without the facts it needs carries a gap naming what is missing.
 */
export function section(heading: string, blocks: DocumentBlock[], missing: string[] = []): DocumentSection {
  return missing.length > 0 ? { heading, blocks, gap: missing.join('; ') } : { heading, blocks };
}

export const iso = (at: Date | string | null): string => (at === null ? '—' : new Date(at).toISOString());
export const or = (value: string | null | undefined, otherwise = 'not recorded'): string =>
  value === null || value === undefined || value === '' ? otherwise : value;
export const label = (m: { modelName: string; version: string }): string => `${m.modelName} ${m.version}`;
const datasetLabel = (d: DatasetVersionFacts): string => `${d.datasetName} ${d.version}`;
const listOf = (items: string[]): string => items.join(', ');

export function trainingDataSection(heading: string, models: ModelVersionFacts[]): DocumentSection {
  // Sources and digests are in the datasheets: key/value facts wrap them, a table column cannot.
  const rows = models.flatMap((m) => m.training.map((d) => [label(m), datasetLabel(d), or(d.provenance), or(d.licence)]));
  const missing: string[] = [];
  if (models.length === 0) missing.push('no model version is linked, so no training data is known');
  const untrained = models.filter((m) => m.training.length === 0).map(label);
  if (untrained.length > 0) missing.push(`no training dataset is registered for ${listOf(untrained)}`);
  const noProvenance = unique(models.flatMap((m) => m.training.filter((d) => !d.provenance).map(datasetLabel)));
  if (noProvenance.length > 0) missing.push(`no provenance is recorded for ${listOf(noProvenance)}`);
  const blocks: DocumentBlock[] =
    rows.length > 0 ? [{ table: { columns: ['Model version', 'Dataset version', 'Provenance', 'Licence'], rows } }] : [];
  return section(heading, blocks, missing);
}

/** One datasheet per dataset version the models were trained or evaluated on. */
export function datasheetsSection(heading: string, models: ModelVersionFacts[]): DocumentSection {
  const datasets = uniqueBy(
    models.flatMap((m) => [...m.training, ...m.evaluation]),
    (d) => d.id,
  );
  const blocks = datasets.flatMap((d): DocumentBlock[] => [
    { paragraph: `Datasheet: ${datasetLabel(d)}` },
    {
      facts: [
        ['Description', or(d.datasetDescription)],
        ['Source', d.sourceUri],
        ['Digest', d.digest],
        ['Personal data classes', listOf(d.piiClasses)],
        ['Provenance', or(d.provenance)],
        ['Licence', or(d.licence)],
        ['Schema', d.schema ? listOf(Object.keys(schemaFields(d.schema))) || 'recorded (no fields named)' : 'not recorded'],
      ],
    },
  ]);
  const missing: string[] = [];
  if (datasets.length === 0) missing.push('no dataset version is registered for the model versions');
  const noSchema = datasets.filter((d) => !d.schema).map(datasetLabel);
  if (noSchema.length > 0) missing.push(`no schema is recorded for ${listOf(noSchema)}`);
  const noLicence = datasets.filter((d) => !d.licence).map(datasetLabel);
  if (noLicence.length > 0) missing.push(`no licence is recorded for ${listOf(noLicence)}`);
  return section(heading, blocks, missing);
}

export function validationSection(heading: string, models: ModelVersionFacts[]): DocumentSection {
  const evaluation = new Map(models.flatMap((m) => m.evaluation.map((d) => [d.id, datasetLabel(d)] as const)));
  const rows = models.flatMap((m) =>
    m.metrics.map((x) => [
      label(m),
      x.name,
      String(x.value),
      x.datasetVersionId ? (evaluation.get(x.datasetVersionId) ?? x.datasetVersionId) : 'not recorded',
    ]),
  );
  const evaluated = models.flatMap((m) => m.evaluation.map((d) => `${label(m)}: ${datasetLabel(d)} (${d.sourceUri}, ${d.digest})`));
  const missing: string[] = [];
  if (models.length === 0) missing.push('no model version is linked, so no validation is recorded');
  const unmeasured = models.filter((m) => m.metrics.length === 0).map(label);
  if (unmeasured.length > 0) missing.push(`no evaluation metric is recorded for ${listOf(unmeasured)}`);
  const unevaluated = models.filter((m) => m.evaluation.length === 0).map(label);
  if (unevaluated.length > 0) missing.push(`no evaluation dataset is registered for ${listOf(unevaluated)}`);
  const blocks: DocumentBlock[] = [];
  if (rows.length > 0) blocks.push({ table: { columns: ['Model version', 'Metric', 'Value', 'Measured on'], rows } });
  if (evaluated.length > 0) blocks.push({ paragraph: 'Evaluation datasets:' }, { list: evaluated });
  return section(heading, blocks, missing);
}

export function riskManagementSection(
  heading: string,
  riskFacts: [string, string][],
  governance: GoverningPolicies,
  subject: string,
): DocumentSection {
  const blocks: DocumentBlock[] = [
    {
      facts: [
        ...riskFacts,
        ['Active policy pack', governance.pack ? governance.pack.name : 'none'],
        ...(governance.pack ? ([['Policy pack digest', governance.pack.digest]] as [string, string][]) : []),
      ],
    },
  ];
  if (governance.policies.length > 0)
    blocks.push({
      table: {
        columns: ['Policy', 'Judges', 'Effect', 'Severity', 'Framework references'],
        rows: governance.policies.map((p) => [
          `${p.id} v${p.version}: ${p.description}`,
          p.appliesTo,
          p.effect,
          p.severity,
          listOf(p.frameworks),
        ]),
      },
    });
  const missing = !governance.pack
    ? [`no policy pack is active (or readable), so no policy is known to govern this ${subject}`]
    : governance.policies.length === 0
      ? [`no policy of the active pack judges this ${subject}`]
      : [];
  return section(heading, blocks, missing);
}

export function oversightBlocks(systems: OversightFacts[], reviewerRoles: string[], governance: GoverningPolicies): DocumentBlock[] {
  const reviewPolicies = governance.policies
    .filter((p) => p.effect === 'require_review')
    .map((p) => `${p.id} v${p.version}: ${p.description}`);
  const blocks: DocumentBlock[] = [];
  if (systems.length > 0)
    blocks.push({
      table: {
        columns: ['Automation version', 'Oversight mode', 'Risk class', 'Review SLA'],
        rows: systems.map((s) => [s.automationVersion, OVERSIGHT[s.oversightMode] ?? s.oversightMode, s.riskClass, slaText(s)]),
      },
    });
  blocks.push({
    facts: [
      ['Who may review', `${listOf(reviewerRoles) || 'no role'} (never the owner of the decision's automation)`],
      [
        'Review requirements',
        reviewPolicies.length > 0 ? `${reviewPolicies.length} policies send decisions to review` : 'no policy sends decisions to review',
      ],
    ],
  });
  if (reviewPolicies.length > 0) blocks.push({ list: reviewPolicies });
  return blocks;
}

export function oversightGaps(systems: OversightFacts[], governance: GoverningPolicies): string[] {
  const requiresReview = governance.policies.some((p) => p.effect === 'require_review');
  const unsupervised = systems.filter((s) => s.oversightMode === 'none').map((s) => s.automationVersion);
  return unsupervised.length > 0 && !requiresReview
    ? [`no human oversight measure is recorded for ${listOf(unsupervised)} (oversight mode none, and no policy requires review)`]
    : [];
}

const OVERSIGHT: Record<string, string> = {
  none: 'none: decisions are not reviewed by default',
  sample: 'sample: a sample of decisions is reviewed',
  required: 'required: every decision is reviewed',
};

function slaText(s: OversightFacts): string {
  return `${s.reviewSlaMinutes} minutes${s.reviewSlaIsSet ? '' : ' (the default)'}`;
}

export function lifecycleSection(heading: string, lifecycle: LifecycleFacts): DocumentSection {
  const blocks: DocumentBlock[] = [{ facts: [['Registered', `${iso(lifecycle.registeredAt)} by ${lifecycle.registeredBy}`]] }];
  if (lifecycle.transitions.length > 0)
    blocks.push({
      table: {
        columns: ['When', 'From', 'To', 'By', 'Rationale'],
        rows: lifecycle.transitions.map((t) => [iso(t.at), t.from, t.to, t.by, t.rationale]),
      },
    });
  if (lifecycle.approvals.length > 0)
    blocks.push({
      table: {
        columns: ['Approved', 'By', 'Review round', 'Rationale'],
        rows: lifecycle.approvals.map((a) => [iso(a.at), a.by, String(a.reviewRound), a.rationale]),
      },
    });
  const missing =
    lifecycle.transitions.length === 0
      ? ['no lifecycle transition is recorded since registration (never submitted, approved or deployed)']
      : [];
  return section(heading, blocks, missing);
}

export function monitoringSection(heading: string, monitors: MonitorFacts[]): DocumentSection {
  const blocks: DocumentBlock[] =
    monitors.length > 0
      ? [
          {
            table: {
              columns: ['Automation version', 'Monitor', 'State', 'Last value', 'Warn at', 'Alert at', 'Window (days)', 'Evaluated'],
              rows: monitors.map((m) => [
                m.automationVersion,
                m.metric,
                m.state,
                m.value === null ? '—' : String(m.value),
                String(m.warnAt),
                String(m.alertAt),
                String(m.windowDays),
                iso(m.evaluatedAt),
              ]),
            },
          },
        ]
      : [];
  return section(heading, blocks, monitors.length === 0 ? ['no drift or quality monitor is configured (or readable)'] : []);
}

function schemaFields(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties;
  return properties && typeof properties === 'object' && !Array.isArray(properties) ? (properties as Record<string, unknown>) : schema;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

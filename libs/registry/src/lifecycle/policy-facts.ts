import type { EntityManager } from 'typeorm';
import type { AutomationVersionEntity } from '../entities/automation-version.entity';
import type { ModelVersionEntity } from '../entities/model-version.entity';

type DatasetFacts = { piiClasses: string[]; provenance: string | null }[];

/** The dataset versions the given model versions were trained or evaluated on: the lineage a gate sees. */
async function datasetsOf(m: EntityManager, modelVersionIds: string[]): Promise<DatasetFacts> {
  if (modelVersionIds.length === 0) return [];
  const rows: { pii_classes: string[]; provenance: string | null }[] = await m.query(
    `SELECT DISTINCT dv.id, dv.pii_classes, dv.provenance
       FROM model_version_datasets l JOIN dataset_versions dv ON dv.id = l.dataset_version_id
      WHERE l.model_version_id = ANY($1::uuid[])`,
    [modelVersionIds],
  );
  return rows.map((r) => ({ piiClasses: r.pii_classes, provenance: r.provenance }));
}

/** Facts of a model version for `model.transition` policies (docs/policies.md, fact catalogue). */
export async function modelVersionFacts(m: EntityManager, v: ModelVersionEntity): Promise<Record<string, unknown>> {
  const datasets = await datasetsOf(m, [v.id]);
  return {
    modelVersion: {
      status: v.status,
      riskTier: v.riskTier,
      intendedUse: v.intendedUse,
      limitations: v.limitations,
      metrics: Object.fromEntries(v.metrics.map((x) => [x.name, x.value])),
      submittedBy: v.submittedBy,
      approvedBy: v.approvedBy,
    },
    datasetVersions: datasets,
    upstream: { datasetVersions: datasets },
  };
}

/** Facts of an automation version for `automation.transition` policies, with every dataset upstream of its models. */
export async function automationVersionFacts(m: EntityManager, v: AutomationVersionEntity): Promise<Record<string, unknown>> {
  const models: { model_version_id: string }[] = await m.query(
    'SELECT model_version_id FROM automation_version_models WHERE automation_version_id = $1',
    [v.id],
  );
  return {
    automation: {
      riskClass: v.riskClass,
      oversightMode: v.oversightMode,
      environment: v.environment,
      purpose: v.purpose,
      domain: v.domain,
    },
    upstream: {
      datasetVersions: await datasetsOf(
        m,
        models.map((x) => x.model_version_id),
      ),
    },
  };
}

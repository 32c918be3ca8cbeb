import { ATTEST_PRODUCER, attestNamespace, datasetOf, GOVERNANCE_SCHEMA, RUN_EVENT_SCHEMA } from './decision-run-event';

/** What a model version's training-run event says: what it was trained and evaluated on, what it produced, and its governance. */
export interface ModelVersionForExport {
  id: string;
  tenantId: string;
  modelName: string;
  version: string;
  artifactUri: string;
  riskTier: string;
  registeredAt: Date;
  datasets: { sourceUri: string; purpose: 'training' | 'evaluation' }[];
  /** The OpenLineage run that produced the artifact, when a data platform sent it (matched by location). */
  trainingRun: { runId: string; namespace: string; name: string } | null;
}

/** A lifecycle transition of the model version, as its ledger leaf has it. */
export interface LifecycleChangeForExport {
  from: string;
  to: string;
  at: Date;
  actorRoles: string[];
  /** Approvals of the latest review round before the transition, and the roles of their approvers. */
  approvals: number;
  approverRoles: string[];
}

/**
 * A model version as an OpenLineage training run (spec 2-0-2): inputs its training and evaluation
 * dataset versions, output its artifact, and the `attest_governance` run facet with its risk tier
 * and lifecycle. Registration is the run's COMPLETE; each lifecycle transition is an OTHER event
 * of the same run (facets only). When a data platform already told of the run that produced the
 * artifact, the events are about that run (its runId and job) and only ever OTHER: Attest adds its
 * governance to the platform's run, it does not restate the run's state.
 */
export function modelRunEvent(
  v: ModelVersionForExport,
  at: { status: string; change: LifecycleChangeForExport | null; ledger: { index: number; sealedAt: Date } },
): Record<string, unknown> {
  const run = v.trainingRun;
  return {
    eventType: run || at.change ? 'OTHER' : 'COMPLETE',
    eventTime: (at.change?.at ?? v.registeredAt).toISOString(),
    producer: ATTEST_PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA,
    run: {
      runId: run?.runId ?? v.id,
      facets: {
        attest_governance: {
          _producer: ATTEST_PRODUCER,
          _schemaURL: GOVERNANCE_SCHEMA,
          subject: 'model_version',
          modelVersionId: v.id,
          modelVersion: `${v.modelName} ${v.version}`,
          riskTier: v.riskTier,
          lifecycleStatus: at.status,
          lifecycleChange: at.change ? { ...at.change, at: at.change.at.toISOString() } : null,
          ledgerIndex: at.ledger.index,
          sealedAt: at.ledger.sealedAt.toISOString(),
        },
      },
    },
    job: run ? { namespace: run.namespace, name: run.name } : { namespace: attestNamespace(v.tenantId), name: `${v.modelName}.training` },
    inputs: v.datasets.map((d) => datasetOf(d.sourceUri)),
    outputs: [datasetOf(v.artifactUri)],
  };
}

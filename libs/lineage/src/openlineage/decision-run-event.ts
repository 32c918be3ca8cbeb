import { locationOf } from './external-ids';

/** What a decision's OpenLineage run event says: ids, versions, its sources, and its governance; never its content. */
export interface DecisionForExport {
  id: string;
  tenantId: string;
  automationKey: string;
  recordedAt: Date;
  modelVersion: { artifactUri: string };
  /** What it read: registered dataset versions by location, and datasets outside the registry by OpenLineage name. */
  sources: ({ sourceUri: string } | { namespace: string; name: string })[];
  status: string;
  policy: { packDigest: string; effect: string; matched: { id: string; version: number; effect: string }[] } | null;
  /** The decision's own leaf. */
  ledger: { index: number; sealedAt: Date } | null;
}

/** A review of the decision, as its own ledger leaf has it. */
export interface ReviewForExport {
  verdict: string;
  reviewerRoles: string[];
  reviewedAt: Date;
  ledger: { index: number; sealedAt: Date };
}

export const ATTEST_PRODUCER = 'https://github.com/attest-governance/attest';
export const GOVERNANCE_SCHEMA = `${ATTEST_PRODUCER}/blob/main/docs/lineage.md#the-attest_governance-run-facet`;
export const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';

/** A dataset as OpenLineage names it, from a URI: namespace = scheme and authority, name = the path. */
export function datasetOf(uri: string): { namespace: string; name: string } {
  const location = locationOf(uri, '');
  const authority = location.indexOf('/', location.indexOf('://') + 3);
  return authority < 0
    ? { namespace: location, name: '/' }
    : { namespace: location.slice(0, authority), name: location.slice(authority + 1) || '/' };
}

/**
 * A recorded decision as an OpenLineage RunEvent (spec 2-0-2): the run is the decision, the job
 * its automation, the inputs the model version's artifact and the datasets it read, and Attest's
 * governance as the custom run facet `attest_governance` — the policy pack and what it decided,
 * the ledger index — so other lineage tools show who approved what under which policy. Its
 * review, when there is one, is a second event of the same run (eventType OTHER: facets only),
 * each as its ledger leaf has it. Inputs, outputs and context never leave Attest.
 */
export function decisionRunEvent(d: DecisionForExport, review: ReviewForExport | null = null): Record<string, unknown> {
  return {
    eventType: review ? 'OTHER' : 'COMPLETE',
    eventTime: (review?.reviewedAt ?? d.recordedAt).toISOString(),
    producer: ATTEST_PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA,
    run: {
      runId: d.id,
      facets: {
        attest_governance: {
          _producer: ATTEST_PRODUCER,
          _schemaURL: GOVERNANCE_SCHEMA,
          subject: 'decision',
          status: d.status,
          policyPackDigest: d.policy?.packDigest ?? null,
          policyEffect: d.policy?.effect ?? null,
          matchedPolicies: d.policy?.matched ?? [],
          reviewVerdict: review?.verdict ?? null,
          reviewerRoles: review?.reviewerRoles ?? [],
          reviewedAt: review?.reviewedAt.toISOString() ?? null,
          reviewLedgerIndex: review?.ledger.index ?? null,
          ledgerIndex: d.ledger?.index ?? null,
          sealedAt: d.ledger?.sealedAt.toISOString() ?? null,
        },
      },
    },
    job: { namespace: attestNamespace(d.tenantId), name: d.automationKey },
    inputs: [
      datasetOf(d.modelVersion.artifactUri),
      ...d.sources.map((s) => ('sourceUri' in s ? datasetOf(s.sourceUri) : { namespace: s.namespace, name: s.name })),
    ],
    outputs: [],
  };
}

/** The OpenLineage namespace of a tenant's jobs in Attest. */
export function attestNamespace(tenantId: string): string {
  return `attest/${tenantId}`;
}

import { locationOf } from './external-ids';

/** What a decision's OpenLineage run event says: ids, versions, its sources, and its governance; never its content. */
export interface DecisionForExport {
  id: string;
  tenantId: string;
  automationKey: string;
  recordedAt: Date;
  modelVersion: { artifactUri: string };
  sources: { sourceUri: string }[];
  status: string;
  policy: { packDigest: string; effect: string; matched: { id: string; version: number; effect: string }[] } | null;
  review: { verdict: string; reviewerRoles: string[] } | null;
  ledger: { index: number; sealedAt: Date } | null;
}

export const ATTEST_PRODUCER = 'https://github.com/attest-governance/attest';
const GOVERNANCE_SCHEMA = `${ATTEST_PRODUCER}/blob/main/docs/lineage.md#the-attest_governance-run-facet`;

/** A dataset as OpenLineage names it, from a URI: namespace = scheme and authority, name = the path. */
export function datasetOf(uri: string): { namespace: string; name: string } {
  const location = locationOf(uri, '');
  const authority = location.indexOf('/', location.indexOf('://') + 3);
  return authority < 0 ? { namespace: location, name: '/' } : { namespace: location.slice(0, authority), name: location.slice(authority + 1) || '/' };
}

/**
 * A recorded decision as an OpenLineage RunEvent (spec 2-0-2): the run is the decision, the job
 * its automation, the inputs the model version's artifact and the dataset versions it read, and
 * Attest's governance as the custom run facet `attest_governance` — the policy pack and what it
 * decided, the review, the ledger index — so other lineage tools show who approved what under
 * which policy. Inputs, outputs and context never leave Attest.
 */
export function decisionRunEvent(d: DecisionForExport): Record<string, unknown> {
  return {
    eventType: 'COMPLETE',
    eventTime: d.recordedAt.toISOString(),
    producer: ATTEST_PRODUCER,
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId: d.id,
      facets: {
        attest_governance: {
          _producer: ATTEST_PRODUCER,
          _schemaURL: GOVERNANCE_SCHEMA,
          status: d.status,
          policyPackDigest: d.policy?.packDigest ?? null,
          policyEffect: d.policy?.effect ?? null,
          matchedPolicies: d.policy?.matched ?? [],
          reviewVerdict: d.review?.verdict ?? null,
          reviewerRoles: d.review?.reviewerRoles ?? [],
          ledgerIndex: d.ledger?.index ?? null,
          sealedAt: d.ledger?.sealedAt.toISOString() ?? null,
        },
      },
    },
    job: { namespace: `attest/${d.tenantId}`, name: d.automationKey },
    inputs: [datasetOf(d.modelVersion.artifactUri), ...d.sources.map((s) => datasetOf(s.sourceUri))],
    outputs: [],
  };
}

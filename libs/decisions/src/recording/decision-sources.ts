import { AttestError } from '@attest/core';
import { externalNodeId, locationOf } from '@attest/lineage';
import type { EntityManager } from 'typeorm';
import type { RecordDecisionInput } from '../dto/record-decision.input';

/** What a decision read, as the lineage graph links it (`consumed` edges to the decision). */
export interface DecisionSources {
  datasetVersionIds: string[];
  /** Datasets outside the registry, as OpenLineage nodes (the node id is derived from namespace and name). */
  external: { id: string; namespace: string; name: string }[];
}

/** What a batch's sources resolve to, looked up once for the whole batch. */
export interface SourceLookups {
  /** The named dataset versions that exist in the tenant. */
  datasetVersions: Set<string>;
  /** Registered dataset versions by the location of their source URI (without a trailing slash). */
  atLocation: Map<string, string[]>;
}

/** One query for the batch (none without sources): the dataset versions named, and those at the external locations named, through the registry's published view. RLS: the tenant's only. */
export async function lookUpSources(m: EntityManager, inputs: readonly (RecordDecisionInput | AttestError)[]): Promise<SourceLookups> {
  const ids = new Set<string>();
  const locations = new Set<string>();
  for (const input of inputs) {
    if (input instanceof AttestError) continue;
    for (const id of input.sourceDatasetVersionIds ?? []) ids.add(id);
    for (const d of input.sourceDatasets ?? []) locations.add(locationOf(d.namespace, d.name));
  }
  const lookups: SourceLookups = { datasetVersions: new Set(), atLocation: new Map() };
  if (ids.size === 0 && locations.size === 0) return lookups;
  const rows: { id: string; location: string | null }[] = await m.query(
    `SELECT id, NULL AS location FROM registry_dataset_version_locations WHERE id = ANY ($1::uuid[])
     UNION ALL
     SELECT id, location FROM registry_dataset_version_locations WHERE tenant_id = attest_current_tenant() AND location = ANY ($2::text[])`,
    [[...ids], [...locations]],
  );
  for (const r of rows) {
    if (r.location === null) lookups.datasetVersions.add(r.id);
    else lookups.atLocation.set(r.location, [...(lookups.atLocation.get(r.location) ?? []), r.id]);
  }
  return lookups;
}

/**
 * An item's sources, each once. A registered dataset version named by id must exist (else the item
 * is refused); an external dataset at a registered version's location is that version, and any
 * other is an external dataset node.
 */
export function sourcesOf(input: RecordDecisionInput, lookups: SourceLookups): DecisionSources {
  const ids = [...new Set((input.sourceDatasetVersionIds ?? []).map((id) => id.toLowerCase()))];
  const missing = ids.find((id) => !lookups.datasetVersions.has(id));
  if (missing)
    throw AttestError.validation(`Dataset version ${missing} was not found: sources must be registered dataset versions`, {
      field: 'sourceDatasetVersionIds',
    });
  const datasetVersionIds = new Set(ids);
  const external = new Map<string, DecisionSources['external'][number]>();
  for (const { namespace, name } of input.sourceDatasets ?? []) {
    const registered = lookups.atLocation.get(locationOf(namespace, name));
    if (registered) for (const id of registered) datasetVersionIds.add(id);
    else {
      const id = externalNodeId('external_dataset', namespace, name);
      external.set(id, { id, namespace, name });
    }
  }
  return { datasetVersionIds: [...datasetVersionIds], external: [...external.values()] };
}

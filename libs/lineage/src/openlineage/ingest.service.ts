import { Injectable } from '@nestjs/common';
import { recordAudit, TenantDb } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { EntityManager } from 'typeorm';
import { externalNodeId, locationOf } from './external-ids';
import type { DatasetRef, RunEvent } from './run-event';

export interface IngestedEvent {
  runId: string;
  /** Edges the event added (a repeated event adds none). */
  edgesAdded: number;
  /** Registered dataset and model versions its datasets were matched to. */
  matched: { namespace: string; name: string; type: 'dataset_version' | 'model_version'; id: string }[];
}

interface Planned {
  kind: string;
  upstream: [string, string];
  downstream: [string, string];
}

/**
 * One OpenLineage RunEvent, in one transaction with its audit event: kept as received, its job,
 * run and datasets upserted as nodes (facets merged: a COMPLETE event adds to what START said),
 * its edges added (input -input_of-> run -output_of-> output), and each dataset matched to what is
 * registered by location (a dataset version's source URI, a model version's artifact URI) or by
 * digest (the DatasetVersion facet): an input is derived from the registered version it is, a
 * registered version from the output it is. Nothing is written if any of it fails.
 */
@Injectable()
export class OpenLineageIngest {
  constructor(private readonly db: TenantDb) {}

  ingest(actor: AuthenticatedPrincipal, event: RunEvent, raw: unknown): Promise<IngestedEvent> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const { runId } = event.run;
      await m.query(
        `INSERT INTO lineage_events (tenant_id, run_id, event_type, event_time, producer, event, received_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [actor.tenantId, runId, event.eventType, event.eventTime, event.producer, JSON.stringify(raw), actor.principalId],
      );
      const jobId = externalNodeId('job', event.job.namespace, event.job.name);
      await upsertNode(m, actor.tenantId, 'job', jobId, event.job.namespace, event.job.name, event.job.facets, null);
      await upsertNode(
        m,
        actor.tenantId,
        'run',
        runId,
        event.job.namespace,
        event.job.name,
        { ...event.run.facets, job: { id: jobId } },
        event.eventType,
      );
      const planned: Planned[] = [];
      const matched: IngestedEvent['matched'] = [];
      for (const [list, side] of [
        [event.inputs, 'input'],
        [event.outputs, 'output'],
      ] as const) {
        for (const dataset of list) {
          const id = externalNodeId('external_dataset', dataset.namespace, dataset.name);
          await upsertNode(m, actor.tenantId, 'external_dataset', id, dataset.namespace, dataset.name, dataset.facets, null);
          planned.push(
            side === 'input'
              ? { kind: 'input_of', upstream: ['external_dataset', id], downstream: ['run', runId] }
              : { kind: 'output_of', upstream: ['run', runId], downstream: ['external_dataset', id] },
          );
          for (const match of await registeredMatches(m, dataset)) {
            matched.push({ namespace: dataset.namespace, name: dataset.name, ...match });
            planned.push(
              side === 'input'
                ? { kind: 'derived_from', upstream: [match.type, match.id], downstream: ['external_dataset', id] }
                : { kind: 'derived_from', upstream: ['external_dataset', id], downstream: [match.type, match.id] },
            );
          }
        }
      }
      const edgesAdded = await addEdges(m, actor.tenantId, planned, event.eventTime, runId);
      await recordAudit(m, actor, {
        action: 'lineage.run_event_received',
        subjectType: 'LineageRun',
        subjectId: runId,
        after: {
          eventType: event.eventType,
          eventTime: event.eventTime.toISOString(),
          job: `${event.job.namespace}/${event.job.name}`,
          inputs: event.inputs.length,
          outputs: event.outputs.length,
          edgesAdded,
          matched: matched.map((x) => `${x.type}:${x.id}`),
        },
      });
      return { runId, edgesAdded, matched };
    });
  }
}

async function upsertNode(
  m: EntityManager,
  tenantId: string,
  type: string,
  id: string,
  namespace: string,
  name: string,
  facets: Record<string, unknown>,
  state: string | null,
): Promise<void> {
  await m.query(
    `INSERT INTO lineage_nodes (tenant_id, type, id, namespace, name, facets, state) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, type, id) DO UPDATE
       SET facets = lineage_nodes.facets || EXCLUDED.facets, state = coalesce(EXCLUDED.state, lineage_nodes.state), updated_at = clock_timestamp()`,
    [tenantId, type, id, namespace, name, JSON.stringify(facets), state],
  );
}

/** Registered versions a dataset is: by location, or by the digest its DatasetVersion facet gives (the registry's published views). */
async function registeredMatches(
  m: EntityManager,
  dataset: DatasetRef,
): Promise<{ type: 'dataset_version' | 'model_version'; id: string }[]> {
  const location = locationOf(dataset.namespace, dataset.name);
  const digest = typeof dataset.facets.version?.datasetVersion === 'string' ? dataset.facets.version.datasetVersion : null;
  const rows: { type: 'dataset_version' | 'model_version'; id: string }[] = await m.query(
    `SELECT 'dataset_version' AS type, id FROM registry_dataset_version_locations
      WHERE tenant_id = attest_current_tenant() AND (location = $1 OR digest = $2)
     UNION
     SELECT 'model_version', id FROM registry_model_version_locations WHERE tenant_id = attest_current_tenant() AND location = $1`,
    [location, digest],
  );
  return rows;
}

async function addEdges(m: EntityManager, tenantId: string, edges: Planned[], at: Date, runId: string): Promise<number> {
  if (edges.length === 0) return 0;
  const rows: unknown[] = await m.query(
    `WITH added AS (
       INSERT INTO lineage_edges (tenant_id, kind, upstream_type, upstream_id, downstream_type, downstream_id, at, run_id)
       SELECT $1, * , $7::timestamptz, $8::uuid FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::uuid[])
       ON CONFLICT DO NOTHING RETURNING 1
     ) SELECT * FROM added`,
    [
      tenantId,
      edges.map((e) => e.kind),
      edges.map((e) => e.upstream[0]),
      edges.map((e) => e.upstream[1]),
      edges.map((e) => e.downstream[0]),
      edges.map((e) => e.downstream[1]),
      at,
      runId,
    ],
  );
  return rows.length;
}

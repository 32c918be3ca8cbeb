import { Injectable, Logger } from '@nestjs/common';
import { recordAudit, TenantDb } from '@attest/core';
import { JobQueue, PeriodicTask } from '@attest/jobs';
import { POLICY_SIMULATION_JOB, SIMULATION_JOB_OPTIONS, simulationJobId } from './policy-simulation.job';

const SWEEP_EVERY_MS = 30_000;
/** A running simulation writes its progress after every page of 1,000 decisions: this long without a word, its job was lost. */
const QUIET_MS = 120_000;
const MAX_ENQUEUES = 3;

/**
 * Re-enqueues simulations whose job was lost (the embedded default restarted; a worker died on
 * the last attempt), each time under a new job id; after three it gives up and marks it failed.
 */
@Injectable()
export class PolicySimulationSweeper extends PeriodicTask {
  constructor(
    private readonly db: TenantDb,
    jobs: JobQueue,
  ) {
    super(jobs, { everyMs: SWEEP_EVERY_MS, logger: new Logger('PolicySimulation'), name: 'Simulation sweep' });
  }

  protected runOnce(): Promise<number> {
    return this.sweep();
  }

  /** Returns how many simulations it re-enqueued or gave up. */
  async sweep(quietMs = QUIET_MS): Promise<number> {
    const stalled: { id: string; tenant_id: string }[] = await this.db.unscoped(
      "SELECT id, tenant_id FROM attest_stalled_policy_simulations($1 * interval '1 millisecond')",
      [quietMs],
    );
    for (const { id, tenant_id: tenantId } of stalled) {
      const row = await this.db.transaction(tenantId, async (m) => {
        const [updated]: { id: string; enqueues: number; status: string; requested_by: string }[] = await m.query(
          `WITH s AS (
             UPDATE policy_simulations
                SET enqueues = enqueues + 1, updated_at = clock_timestamp(),
                    status = CASE WHEN enqueues >= $2 THEN 'failed' ELSE status END,
                    error = CASE WHEN enqueues >= $2 THEN 'its job was lost ' || enqueues || ' times' ELSE error END,
                    finished_at = CASE WHEN enqueues >= $2 THEN clock_timestamp() ELSE finished_at END
              WHERE id = $1 AND status IN ('queued', 'running') RETURNING id, enqueues, status, requested_by)
           SELECT * FROM s`,
          [id, MAX_ENQUEUES],
        );
        if (updated?.status === 'failed') {
          const actor = { tenantId, principalId: updated.requested_by, correlationId: `policy-simulation-${id}` };
          await recordAudit(m, actor, {
            action: 'policy_simulation.failed',
            subjectType: 'PolicySimulation',
            subjectId: id,
            after: { error: `its job was lost ${MAX_ENQUEUES} times` },
          });
        }
        return updated;
      });
      if (row && row.status !== 'failed') {
        await this.jobs.enqueue(
          POLICY_SIMULATION_JOB,
          { tenantId, simulationId: id },
          { jobId: simulationJobId(row), ...SIMULATION_JOB_OPTIONS },
        );
      }
    }
    return stalled.length;
  }
}

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { recordAudit, TenantDb, type RequestActor } from '@attest/core';
import { JobHandlerRegistry, type JobContext, type JobHandler } from '@attest/jobs';
import { PolicyPacksService, type PolicyPack } from '@attest/policy';
import { diffPacks } from '../diff/pack-diff';
import type { PolicyDiffReport } from '../diff/policy-diff';
import { diffMarkdown } from '../render/diff-markdown';
import { replayDecisions } from '../replay/replay';
import { packFromFiles } from './candidate-pack';
import { POLICY_SIMULATION_JOB, type PolicySimulationJob } from './policy-simulation.job';
import { countDecisions, simulationRecords } from './simulation-records';
import { filterOf, type SimulationRow } from './simulation-row';

/**
 * Runs one simulation: the candidate against the pack that was active when it was asked for,
 * over the tenant's lifecycle gates and recorded decisions, progress written after each page of
 * decisions, the report (the same as `attest policy diff`'s) stored at the end with an audit
 * event. Idempotent: a finished simulation is left alone, an interrupted one starts over.
 */
@Injectable()
export class PolicySimulationHandler implements JobHandler<PolicySimulationJob>, OnModuleInit {
  readonly queue = POLICY_SIMULATION_JOB.queue;
  private readonly logger = new Logger('PolicySimulation');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly db: TenantDb,
    private readonly packs: PolicyPacksService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobContext<PolicySimulationJob>): Promise<void> {
    const { tenantId, simulationId } = job.data;
    const row = await this.start(tenantId, simulationId);
    if (!row) return;
    const actor: RequestActor = { tenantId, principalId: row.requested_by, correlationId: `policy-simulation-${row.id}` };
    try {
      const report = await this.run(row);
      await this.db.transaction(tenantId, async (m) => {
        await m.query(
          `UPDATE policy_simulations SET status = 'completed', report = $2, markdown = $3, processed = $4, finished_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1`,
          [row.id, JSON.stringify(report), diffMarkdown(report), report.replay!.reports[0].decisions],
        );
        const replay = report.replay!.reports[0];
        await recordAudit(m, actor, {
          action: 'policy_simulation.completed',
          subjectType: 'PolicySimulation',
          subjectId: row.id,
          after: {
            decisions: replay.decisions,
            replayed: replay.replayed,
            changed: replay.changed,
            gatesChanged: replay.gates.changed.length,
          },
        });
      });
    } catch (error) {
      if (job.attempt < job.maxAttempts) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Simulation ${row.id} failed: ${message}`);
      await this.db.transaction(tenantId, async (m) => {
        await m.query(
          `UPDATE policy_simulations SET status = 'failed', error = $2, finished_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1`,
          [row.id, message.slice(0, 1000)],
        );
        await recordAudit(m, actor, {
          action: 'policy_simulation.failed',
          subjectType: 'PolicySimulation',
          subjectId: row.id,
          after: { error: message.slice(0, 1000) },
        });
      });
    }
  }

  /** Marks it running (again, after a lost job); undefined when it is gone or finished. */
  private start(tenantId: string, id: string): Promise<SimulationRow | undefined> {
    return this.db.transaction(tenantId, async (m) => {
      const rows: SimulationRow[] = await m.query(
        `WITH s AS (
           UPDATE policy_simulations SET status = 'running', processed = 0, started_at = coalesce(started_at, clock_timestamp()), updated_at = clock_timestamp()
            WHERE id = $1 AND status IN ('queued', 'running') RETURNING *)
         SELECT * FROM s`,
        [id],
      );
      return rows[0];
    });
  }

  private async run(row: SimulationRow): Promise<PolicyDiffReport> {
    const base = await this.basePack(row);
    // The candidate takes the active pack's place: the same name, so that the diff compares the two.
    const head = packFromFiles(base.name, row.source);
    const filter = filterOf(row);
    const total = await countDecisions(this.db, row.tenant_id, filter);
    await this.progress(row, 0, total);
    const records = simulationRecords(this.db, row.tenant_id, filter, (read) => this.progress(row, read, total));
    const reports = await replayDecisions([{ base, head }], records);
    return {
      base: { label: row.base_digest ? `active pack ${base.name}` : 'no active pack', commit: row.base_digest },
      head: { label: row.label ? `candidate: ${row.label}` : 'candidate', commit: head.digest },
      packs: diffPacks([base], [head]),
      access: [],
      replay: { source: 'recorded decisions', reports },
      checks: [],
    };
  }

  /** The pack active when the simulation was asked for (stored packs never change), or none: no policy, everything allowed. */
  private async basePack(row: SimulationRow): Promise<PolicyPack> {
    if (!row.base_digest) return { name: 'default', policies: [], digest: 'none', sources: {} };
    const stored = await this.db.transaction(row.tenant_id, (m) => this.packs.packIn(m, row.base_digest!));
    return { name: stored.name, policies: stored.policies, digest: stored.digest, sources: {} };
  }

  private async progress(row: SimulationRow, processed: number, total: number): Promise<void> {
    await this.db.transaction(row.tenant_id, (m) =>
      m.query('UPDATE policy_simulations SET processed = $2, total = $3, updated_at = clock_timestamp() WHERE id = $1', [
        row.id,
        processed,
        total,
      ]),
    );
  }
}

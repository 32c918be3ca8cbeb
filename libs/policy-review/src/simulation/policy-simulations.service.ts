import { Injectable } from '@nestjs/common';
import { AttestError, decodeCursor, encodeCursor, pageInfoOf, recordAudit, TenantDb, type Connection, type PageArgs } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { JobQueue } from '@attest/jobs';
import { PolicyPackError, PolicyPacksService } from '@attest/policy';
import { packFromFiles } from './candidate-pack';
import type { SimulatePolicyPackInput } from './dto/simulate-policy-pack.input';
import type { PolicySimulationModel } from './models/policy-simulation.model';
import { POLICY_SIMULATION_JOB, SIMULATION_JOB_OPTIONS, simulationJobId } from './policy-simulation.job';
import { DEFAULT_LIMIT, toModel, type SimulationRow } from './simulation-row';

/**
 * simulatePolicyPack: the candidate is checked as a pack folder would be (a problem is
 * VALIDATION_FAILED with every file:line), stored with the active pack it is compared with and
 * an audit event, and handed to the `policy.simulation` job after the commit. The simulation
 * changes nothing else: it only reads.
 */
@Injectable()
export class PolicySimulationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
    private readonly packs: PolicyPacksService,
  ) {}

  async request(actor: AuthenticatedPrincipal, input: SimulatePolicyPackInput): Promise<PolicySimulationModel> {
    let headDigest: string;
    try {
      headDigest = packFromFiles('candidate', input.policies).digest;
    } catch (error) {
      if (!(error instanceof PolicyPackError)) throw error;
      throw AttestError.validation(`The candidate pack is invalid: ${error.problems.join('; ')}`, {
        field: 'policies',
        problems: error.problems,
      });
    }
    const f = input.filter ?? {};
    if (f.from && f.to && f.from >= f.to) throw AttestError.validation('filter.from must be before filter.to', { field: 'filter.from' });
    const filter = { automationId: f.automationId, from: f.from?.toISOString(), to: f.to?.toISOString(), limit: f.limit ?? DEFAULT_LIMIT };
    const row = await this.db.transaction(actor.tenantId, async (m) => {
      const baseDigest = (await this.packs.activeDigestIn(m)) ?? null;
      const [inserted]: SimulationRow[] = await m.query(
        `INSERT INTO policy_simulations (tenant_id, requested_by, label, source, head_digest, base_digest, filter) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          actor.tenantId,
          actor.principalId,
          input.label ?? null,
          JSON.stringify(input.policies),
          headDigest,
          baseDigest,
          JSON.stringify(filter),
        ],
      );
      await recordAudit(m, actor, {
        action: 'policy_simulation.requested',
        subjectType: 'PolicySimulation',
        subjectId: inserted.id,
        after: { label: inserted.label, headDigest, baseDigest, policies: input.policies.length, filter },
      });
      return inserted;
    });
    // A failed enqueue is left to the recovery sweep: the simulation is stored, its job will come.
    await this.jobs
      .enqueue(
        POLICY_SIMULATION_JOB,
        { tenantId: actor.tenantId, simulationId: row.id },
        { jobId: simulationJobId(row), ...SIMULATION_JOB_OPTIONS },
      )
      .catch(() => undefined);
    return toModel(row);
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<PolicySimulationModel> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const [row]: SimulationRow[] = await m.query('SELECT * FROM policy_simulations WHERE id = $1', [id]);
      if (!row) throw AttestError.notFound('PolicySimulation', id);
      return toModel(row);
    });
  }

  /** The tenant's simulations, newest first, on the (tenant_id, created_at, id) index; past ones are kept for good. */
  list(actor: AuthenticatedPrincipal, page: PageArgs): Promise<Connection<PolicySimulationModel>> {
    const after = page.after ? decodeCursor(page.after) : null;
    return this.db.transaction(actor.tenantId, async (m) => {
      const rows: SimulationRow[] = await m.query(
        `SELECT * FROM policy_simulations
          WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid)
          ORDER BY created_at DESC, id DESC LIMIT $3`,
        [after?.createdAt ?? null, after?.id ?? null, page.first + 1],
      );
      const edges = rows
        .slice(0, page.first)
        .map((row) => ({ cursor: encodeCursor({ createdAt: row.created_at, id: row.id }), node: toModel(row) }));
      return { edges, pageInfo: pageInfoOf(edges, rows.length > page.first) };
    });
  }
}

import { defineJob } from '@attest/jobs';
import type { SimulationRow } from './simulation-row';

export interface PolicySimulationJob {
  tenantId: string;
  simulationId: string;
}

export const POLICY_SIMULATION_JOB = defineJob<PolicySimulationJob>('policy.simulation');

/** Each (re)enqueue of a simulation is a new queue job; the job of a finished simulation does nothing. */
export const simulationJobId = (row: Pick<SimulationRow, 'id' | 'enqueues'>) => `policy-simulation.${row.id}.${row.enqueues}`;

/** The same retries whether the service or the sweeper enqueues. */
export const SIMULATION_JOB_OPTIONS = { attempts: 3, backoffMs: 2000 };

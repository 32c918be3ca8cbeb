import { defineJob } from '@attest/jobs';

export interface OpenLineageExportJob {
  tenantId: string;
}

/** One job per tenant and export generation (see OpenLineageExportSweeper). */
export const OPENLINEAGE_EXPORT_JOB = defineJob<OpenLineageExportJob>('lineage.openlineage-export');

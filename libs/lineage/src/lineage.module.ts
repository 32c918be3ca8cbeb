import { Module } from '@nestjs/common';
import { IdentityModule } from '@attest/identity';
import { DecisionLineageService } from './api/decision-lineage.service';
import { ImpactService } from './api/impact.service';
import { LineageResolver } from './api/lineage.resolver';
import { LineageService } from './api/lineage.service';
import { OpenLineageController } from './openlineage/openlineage.controller';
import { OpenLineageExportHandler } from './openlineage/export/openlineage-export.handler';
import { OpenLineageExportSweeper } from './openlineage/export/openlineage-export.sweeper';
import { OpenLineageExporter } from './openlineage/export/openlineage-exporter.service';
import { OpenLineageIngest } from './openlineage/ingest.service';

/** Every resolver of the lineage context, also for building the schema without a server. */
export const LINEAGE_RESOLVERS = [LineageResolver];

/** The lineage graph from dataset to decision, OpenLineage in and out (docs/lineage.md). Export jobs need JobsModule (global, in the composition root). */
@Module({
  imports: [IdentityModule],
  controllers: [OpenLineageController],
  providers: [
    OpenLineageIngest,
    OpenLineageExporter,
    OpenLineageExportSweeper,
    OpenLineageExportHandler,
    LineageService,
    ImpactService,
    DecisionLineageService,
    ...LINEAGE_RESOLVERS,
  ],
  exports: [DecisionLineageService],
})
export class LineageModule {}

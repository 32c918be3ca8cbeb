export { LineageModule, LINEAGE_RESOLVERS } from './lineage.module';
export { LineageDirection, LineageEdgeKind, LineageNodeType } from './graph/lineage-vocabulary';
export { OpenLineageExporter, type ExportBatch } from './openlineage/export/openlineage-exporter.service';
export { OpenLineageExportSweeper } from './openlineage/export/openlineage-export.sweeper';
export { OPENLINEAGE_EXPORT_JOB } from './openlineage/export/openlineage-export.job';
export { externalNodeId, locationOf } from './openlineage/external-ids';
export { OPENLINEAGE_PATH } from './openlineage/openlineage.controller';
export { DecisionLineageService } from './api/decision-lineage.service';
export type { DecisionLineageModel } from './api/models/decision-lineage.model';

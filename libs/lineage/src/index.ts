export { LineageModule, LINEAGE_RESOLVERS } from './lineage.module';
export { LineageDirection, LineageEdgeKind, LineageNodeType } from './graph/lineage-vocabulary';
export { OpenLineageExporter } from './openlineage/exporter.service';
export { externalNodeId, locationOf } from './openlineage/external-ids';

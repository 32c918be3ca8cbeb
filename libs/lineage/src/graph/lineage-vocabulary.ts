import { registerEnumType } from '@nestjs/graphql';

/** What a lineage node is; every node is one of these and a uuid. */
export enum LineageNodeType {
  dataset_version = 'dataset_version',
  model_version = 'model_version',
  automation_version = 'automation_version',
  decision = 'decision',
  review = 'review',
  external_dataset = 'external_dataset',
  job = 'job',
  run = 'run',
}
registerEnumType(LineageNodeType, { name: 'LineageNodeType' });

/** How an edge's downstream node came from its upstream one. */
export enum LineageEdgeKind {
  trained_on = 'trained_on',
  evaluated_on = 'evaluated_on',
  uses_model = 'uses_model',
  produced_by = 'produced_by',
  consumed = 'consumed',
  reviewed_by = 'reviewed_by',
  derived_from = 'derived_from',
  input_of = 'input_of',
  output_of = 'output_of',
}
registerEnumType(LineageEdgeKind, {
  name: 'LineageEdgeKind',
  description: 'Edges point downstream: dataset_version -trained_on-> model_version -uses_model-> automation_version -produced_by-> decision -reviewed_by-> review',
});

export enum LineageDirection {
  UPSTREAM = 'UPSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'UPSTREAM: where a node came from; DOWNSTREAM: what came of it; BOTH: the two walks together',
});

export interface NodeRef {
  type: LineageNodeType;
  id: string;
}

export const nodeKey = (n: NodeRef) => `${n.type}:${n.id}`;

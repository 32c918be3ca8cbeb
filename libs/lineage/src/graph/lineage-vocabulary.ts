import { registerEnumType } from '@nestjs/graphql';

/** What a lineage node is; every node is one of these and a uuid. */
export enum LineageNodeType {
  DATASET_VERSION = 'dataset_version',
  MODEL_VERSION = 'model_version',
  AUTOMATION_VERSION = 'automation_version',
  DECISION = 'decision',
  REVIEW = 'review',
  EXTERNAL_DATASET = 'external_dataset',
  JOB = 'job',
  RUN = 'run',
}
registerEnumType(LineageNodeType, {
  name: 'LineageNodeType',
  description: 'What a lineage node is (OpenLineage and stored edges use the lower-case value)',
  valuesMap: {
    DATASET_VERSION: { description: 'A registered dataset version' },
    MODEL_VERSION: { description: 'A registered model version' },
    AUTOMATION_VERSION: { description: 'A registered automation version' },
    DECISION: { description: 'A recorded decision' },
    REVIEW: { description: 'A human review of a decision' },
    EXTERNAL_DATASET: { description: 'A dataset known only from OpenLineage (namespace and name)' },
    JOB: { description: 'An OpenLineage job' },
    RUN: { description: 'An OpenLineage run of a job' },
  },
});

/** How an edge's downstream node came from its upstream one. */
export enum LineageEdgeKind {
  TRAINED_ON = 'trained_on',
  EVALUATED_ON = 'evaluated_on',
  USES_MODEL = 'uses_model',
  PRODUCED_BY = 'produced_by',
  CONSUMED = 'consumed',
  REVIEWED_BY = 'reviewed_by',
  DERIVED_FROM = 'derived_from',
  INPUT_OF = 'input_of',
  OUTPUT_OF = 'output_of',
}
registerEnumType(LineageEdgeKind, {
  name: 'LineageEdgeKind',
  description:
    'Edges point downstream: DATASET_VERSION -TRAINED_ON-> MODEL_VERSION -USES_MODEL-> AUTOMATION_VERSION -PRODUCED_BY-> DECISION -REVIEWED_BY-> REVIEW',
  valuesMap: {
    TRAINED_ON: { description: 'A model version was trained on a dataset version' },
    EVALUATED_ON: { description: 'A model version was evaluated on a dataset version' },
    USES_MODEL: { description: 'An automation version uses a model version' },
    PRODUCED_BY: { description: 'A decision was produced by an automation version' },
    CONSUMED: { description: 'A run read a dataset (OpenLineage input)' },
    REVIEWED_BY: { description: 'A decision was reviewed' },
    DERIVED_FROM: { description: 'A dataset was derived from another' },
    INPUT_OF: { description: 'A dataset was an input of a job (OpenLineage)' },
    OUTPUT_OF: { description: 'A dataset was an output of a job (OpenLineage)' },
  },
});

export enum LineageDirection {
  UPSTREAM = 'UPSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
  BOTH = 'BOTH',
}
registerEnumType(LineageDirection, {
  name: 'LineageDirection',
  description: 'Which way to walk the lineage graph from a node',
  valuesMap: {
    UPSTREAM: { description: 'Where the node came from' },
    DOWNSTREAM: { description: 'What came of it' },
    BOTH: { description: 'The two walks together' },
  },
});

export interface NodeRef {
  type: LineageNodeType;
  id: string;
}

export const nodeKey = (n: NodeRef) => `${n.type}:${n.id}`;

import type { LineageNodeType } from '../../gql/graphql';

export const NODE_TYPES: readonly LineageNodeType[] = [
  'DECISION',
  'MODEL_VERSION',
  'AUTOMATION_VERSION',
  'DATASET_VERSION',
  'EXTERNAL_DATASET',
  'JOB',
  'RUN',
  'REVIEW',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every lineage node's id is a uuid (OpenLineage datasets and jobs too: derived from namespace and name). */
export const isUuid = (value: string): boolean => UUID.test(value);

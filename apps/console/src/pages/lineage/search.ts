import { oneOfParam, textParam } from '../../components/search-params';
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
export const DIRECTIONS = ['BOTH', 'UPSTREAM', 'DOWNSTREAM'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const MAX_DEPTH = 10;
export const DEFAULT_DEPTH = 2;

/** The node explored, and how far: in the URL, so an exploration is a link to bookmark or send. */
export interface LineageSearch {
  type?: LineageNodeType;
  id?: string;
  direction?: Direction;
  depth?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every lineage node's id is a uuid (OpenLineage datasets and jobs too: derived from namespace and name). */
export const isUuid = (value: string): boolean => UUID.test(value);

export function lineageSearch(search: Record<string, unknown>): LineageSearch {
  const id = textParam(search.id, 36);
  const depth = Number(search.depth);
  return {
    type: oneOfParam(search.type, NODE_TYPES),
    id: id && isUuid(id) ? id.toLowerCase() : undefined,
    direction: oneOfParam(search.direction, DIRECTIONS),
    depth: Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : undefined,
  };
}

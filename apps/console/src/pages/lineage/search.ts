import { oneOfParam, textParam } from '../../components/search-params';
import type { LineageNodeType } from '../../gql/graphql';
import { expansionsParam, parseExpansions } from './expansions';
import { isUuid, NODE_TYPES } from './node-types';

export { isUuid, NODE_TYPES } from './node-types';

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
  /** The expansions asked for, in order (expansions.ts): `TYPE:id:UPSTREAM,…`. */
  expand?: string;
}

export function lineageSearch(search: Record<string, unknown>): LineageSearch {
  const id = textParam(search.id, 36);
  const depth = Number(search.depth);
  return {
    type: oneOfParam(search.type, NODE_TYPES),
    id: id && isUuid(id) ? id.toLowerCase() : undefined,
    direction: oneOfParam(search.direction, DIRECTIONS),
    depth: Number.isInteger(depth) && depth >= 1 && depth <= MAX_DEPTH ? depth : undefined,
    expand: typeof search.expand === 'string' ? expansionsParam(parseExpansions(search.expand)) : undefined,
  };
}

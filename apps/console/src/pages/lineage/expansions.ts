import type { LineageNodeType } from '../../gql/graphql';
import { nodeKey } from './lineage-graph';
import { isUuid, NODE_TYPES } from './node-types';

export type Towards = 'UPSTREAM' | 'DOWNSTREAM';

/** One "Expand upstream/downstream" asked for: in the URL, so an exploration reloads and links as it was left. */
export interface Expansion {
  type: LineageNodeType;
  id: string;
  towards: Towards;
}

/** More would make a URL no one shares; a longer list keeps its first ones. */
export const MAX_EXPANSIONS = 20;
const TOWARDS: readonly Towards[] = ['UPSTREAM', 'DOWNSTREAM'];

/** `MODEL_VERSION:<uuid>:UPSTREAM`: the node's key (as the graph names it) and the direction. */
export const expansionKey = (x: Expansion): string => `${nodeKey(x)}:${x.towards}`;

/** The expansions of a URL's `expand`, in order: unknown or repeated entries are dropped, never trusted. */
export function parseExpansions(text: string | undefined): Expansion[] {
  const seen = new Set<string>();
  const expansions: Expansion[] = [];
  for (const entry of (text ?? '').split(',')) {
    const [type, id, towards] = entry.split(':');
    const x = { type, id: id?.toLowerCase(), towards } as Expansion;
    if (!NODE_TYPES.includes(x.type) || !x.id || !isUuid(x.id) || !TOWARDS.includes(x.towards) || seen.has(expansionKey(x))) continue;
    seen.add(expansionKey(x));
    expansions.push(x);
    if (expansions.length === MAX_EXPANSIONS) break;
  }
  return expansions;
}

/** The URL's `expand` for these expansions; undefined for none, so the parameter leaves the URL. */
export function expansionsParam(expansions: Expansion[]): string | undefined {
  return expansions.length === 0 ? undefined : expansions.map(expansionKey).join(',');
}

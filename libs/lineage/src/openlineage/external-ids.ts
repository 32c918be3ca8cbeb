import { createHash } from 'node:crypto';

/**
 * The node id of an OpenLineage dataset or job: a name-based UUID (RFC 9562 version 8, from
 * SHA-256) of its type, namespace and name, so the same dataset named by two events, or by two
 * producers, is one node without a lookup. A run's id is its own runId.
 */
export function externalNodeId(type: 'external_dataset' | 'job', namespace: string, name: string): string {
  const bytes = createHash('sha256').update(`${type}\0${namespace}\0${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a dataset is, as a registered dataset version's source URI or a model's artifact URI would say it. */
export function locationOf(namespace: string, name: string): string {
  return `${namespace.replace(/\/+$/, '')}/${name.replace(/^\/+/, '')}`.replace(/\/+$/, '');
}

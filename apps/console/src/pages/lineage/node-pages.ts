import type { LineageNodeType } from '../../gql/graphql';

/**
 * Where a node has a page of its own: a decision's, a registry version's (the inventory finds its
 * parent), a run's audit trail. External datasets, jobs and reviews have none.
 */
export function nodePageHref(type: LineageNodeType, id: string): string | null {
  const path = encodeURIComponent(id);
  switch (type) {
    case 'DECISION':
      return `/decisions/${path}`;
    case 'MODEL_VERSION':
      return `/inventory/models/versions/${path}`;
    case 'DATASET_VERSION':
      return `/inventory/datasets/versions/${path}`;
    case 'AUTOMATION_VERSION':
      return `/inventory/automations/versions/${path}`;
    case 'RUN':
      return `/audit?subjectType=LineageRun&subjectId=${path}`;
    default:
      return null;
  }
}

import { graphql } from '../../gql';

export const LineageWalkDocument = graphql(`
  query LineageWalk($node: LineageNodeInput!, $direction: LineageDirection!, $depth: Int!, $maxEdges: Int!) {
    lineage(node: $node, direction: $direction, depth: $depth, maxEdges: $maxEdges) {
      truncated
      nodes {
        type
        id
        label
        depth
      }
      edges {
        kind
        at
        runId
        upstream {
          type
          id
        }
        downstream {
          type
          id
        }
      }
    }
  }
`);

export const DatasetImpactDocument = graphql(`
  query LineageDatasetImpact($id: ID!) {
    impactOf(datasetVersionId: $id) {
      datasetVersionId
      modelVersions {
        type
        id
        label
        depth
      }
      automationVersions {
        type
        id
        label
        depth
      }
      decisions {
        total
        byStatus {
          key
          count
        }
        byMonth {
          key
          count
        }
      }
    }
  }
`);

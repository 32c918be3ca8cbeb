import { graphql } from '../../gql';

// The overview's reads, one per panel so that a panel the role may not read fails alone. Lists are
// read up to the API's page limit (100): see use-overview.ts for what is counted.

export const InventoryDocument = graphql(`
  query OverviewInventory {
    models(first: 100) {
      edges {
        node {
          id
          versions {
            id
            status
            riskTier
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    automations(first: 100) {
      edges {
        node {
          id
          versions {
            id
            status
            riskClass
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const RecentDecisionsDocument = graphql(`
  query OverviewRecentDecisions($from: DateTime!) {
    decisions(first: 100, filter: { from: $from }) {
      edges {
        node {
          id
          occurredAt
          status
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const ReviewQueueDocument = graphql(`
  query OverviewReviewQueue {
    reviewQueue(first: 100) {
      edges {
        node {
          waitingSeconds
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const PolicyPackDocument = graphql(`
  query OverviewPolicyPack {
    activePolicyPack {
      id
      name
      digest
      activatedAt
    }
  }
`);

export const LedgerDocument = graphql(`
  query OverviewLedger {
    ledgerStatus {
      origin
      treeSize
      unsequenced
      latestCheckpoint {
        treeSize
        rootHash
        timestamp
      }
    }
    ledgerVerifications(first: 1) {
      edges {
        node {
          id
          status
          createdAt
          finishedAt
          fromIndex
          toIndex
          leavesChecked
          error
          result {
            ok
            firstDivergence {
              index
              message
            }
          }
        }
      }
    }
  }
`);

import { graphql } from '../../gql';

/** The overview in one read: every count is computed by the API, in SQL, from the rows the caller may read. */
export const OverviewDocument = graphql(`
  query Overview($days: Int!, $withReviews: Boolean!) {
    complianceOverview {
      models {
        models
        versions
        versionsByRiskTier {
          riskTier
          count
        }
        versionsByStatus {
          status
          count
        }
      }
      automations {
        automations
        versions
        versionsByRiskClass {
          riskClass
          count
        }
        versionsByStatus {
          status
          count
        }
      }
      datasets {
        datasets
        versions
      }
      decisionsPerDay(days: $days) {
        day
        recorded
        pendingReview
        blocked
      }
      reviewBacklog @include(if: $withReviews) {
        waiting
        overdue
        oldestWaitingSeconds
      }
      activePolicyPack {
        id
        name
        digest
        activatedAt
      }
      latestCheckpoint {
        treeSize
        rootHash
        timestamp
      }
      lastVerification {
        id
        status
        createdAt
        finishedAt
        fromIndex
        toIndex
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
`);

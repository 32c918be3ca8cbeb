import { graphql } from '../../gql';

/** One page of the queue (the API's order: contested first, then longest waiting) with each item's SLA state and holder. */
export const ReviewQueueDocument = graphql(`
  query ReviewQueue($first: Int!, $filter: ReviewQueueFilter) {
    reviewQueue(first: $first, filter: $filter) {
      edges {
        node {
          ...ReviewQueueItem
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const ReviewQueueItemFragment = graphql(`
  fragment ReviewQueueItem on ReviewQueueEntry {
    waitingSeconds
    dueAt
    overdue
    priority
    claim {
      holderId
      since
      expiresAt
      assignedBy
    }
    decision {
      id
      idempotencyKey
      confidence
      recordedAt
      automation {
        id
        key
      }
      policyEvaluation {
        matched {
          id
          effect
        }
      }
    }
  }
`);

export const ClaimReviewDocument = graphql(`
  mutation ClaimReview($id: ID!) {
    claimReview(id: $id) {
      ...ReviewQueueItem
    }
  }
`);

export const ReleaseReviewDocument = graphql(`
  mutation ReleaseReview($id: ID!) {
    releaseReview(id: $id) {
      ...ReviewQueueItem
    }
  }
`);

export const AssignReviewDocument = graphql(`
  mutation AssignReview($id: ID!, $principalId: ID!) {
    assignReview(id: $id, principalId: $principalId) {
      ...ReviewQueueItem
    }
  }
`);

export const ReviewDecisionDocument = graphql(`
  mutation ReviewDecision($id: ID!, $verdict: ReviewVerdict!, $rationale: String!, $correctedOutput: JSON) {
    reviewDecision(id: $id, verdict: $verdict, rationale: $rationale, correctedOutput: $correctedOutput) {
      id
      status
      outcome
      effectiveOutput
      review {
        id
        reviewerId
        verdict
        rationale
        correctedOutput
        createdAt
      }
    }
  }
`);

/** People who may review: compliance officers and admins (the API refuses an assignee who may not review this decision). */
export const ReviewerChoicesDocument = graphql(`
  query ReviewerChoices {
    officers: principals(first: 100, filter: { role: COMPLIANCE_OFFICER, kind: HUMAN }) {
      edges {
        node {
          id
          name
          disabledAt
        }
      }
    }
    admins: principals(first: 100, filter: { role: ADMIN, kind: HUMAN }) {
      edges {
        node {
          id
          name
          disabledAt
        }
      }
    }
  }
`);

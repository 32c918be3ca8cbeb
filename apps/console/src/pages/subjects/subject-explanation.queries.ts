import { graphql } from '../../gql';
import type { SubjectExplanationQuery } from '../../gql/graphql';

export const SubjectExplanationDocument = graphql(`
  query SubjectExplanation($subjectRef: String!) {
    subjectExplanation(subjectRef: $subjectRef) {
      title
      intro
      generatedAt
      locale
      truncated
      html {
        fileName
        mediaType
        sha256
        byteSize
        contentBase64
      }
      pdf {
        fileName
        mediaType
        sha256
        byteSize
        contentBase64
      }
      decisions {
        decisionId
        automation
        madeAt
        outcome
        summary
        partlyWithheld
        reviewSummary
        howToContest
        factors {
          feature
          direction
          text
        }
        policies {
          id
          version
          effect
          text
        }
        policyVersion {
          name
          text
        }
        reviews {
          at
          verdict
          text
          answersContest
        }
        contests {
          contestedAt
          dueAt
          status
          result
          text
        }
      }
    }
  }
`);

export const ContestDecisionDocument = graphql(`
  mutation ContestDecision($decisionId: ID!, $reason: String!, $contact: String) {
    contestDecision(decisionId: $decisionId, reason: $reason, contact: $contact) {
      id
      status
      dueAt
    }
  }
`);

export type SubjectExplanation = SubjectExplanationQuery['subjectExplanation'];
export type ExplainedDecision = SubjectExplanation['decisions'][number];

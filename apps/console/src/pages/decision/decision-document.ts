import { graphql } from '../../gql';
import type { DecisionDetailQuery, WithheldDecisionField } from '../../gql/graphql';

export const DecisionDetailDocument = graphql(`
  query DecisionDetail($id: ID!) {
    decision(id: $id) {
      id
      status
      outcome
      confidence
      input
      output
      context
      effectiveOutput
      withheldFields
      hasSubject
      idempotencyKey
      correlationId
      traceId
      inputHash
      occurredAt
      recordedAt
      recordedBy
      ledgerIndex
      sealedAt
      automationId
      automationVersionId
      modelVersionId
      automation {
        id
        key
        name
      }
      automationVersion {
        id
        version
        riskClass
        oversightMode
      }
      modelVersion {
        id
        version
        model {
          id
          name
        }
      }
      redactions {
        path
        detector
        count
      }
      policyEvaluation {
        packDigest
        effect
        matched {
          id
          version
          effect
          severity
          message
          frameworks
        }
      }
      explanation {
        __typename
        ... on FeatureAttributionStep {
          position
          feature
          weight
          value
        }
        ... on RuleFiredStep {
          position
          ruleId
          outcome
        }
        ... on RetrievalStep {
          position
          sourceUri
          digest
          score
        }
        ... on LlmCallStep {
          position
          model
          promptDigest
          prompt
          completion
          promptTokens
          completionTokens
        }
        ... on ToolCallStep {
          position
          name
          argsDigest
          resultDigest
        }
        ... on NoteStep {
          position
          text
        }
      }
      review {
        id
        verdict
        reviewerId
        rationale
        correctedOutput
        createdAt
      }
      contests {
        id
        status
        reason
        contestedAt
        contestedBy
        dueAt
        resolvedAt
        reviewId
        hasContact
        contact
      }
    }
  }
`);

export type DecisionDetail = DecisionDetailQuery['decision'];
export type ExplanationStep = DecisionDetail['explanation'][number];

/**
 * What the caller's role may not read, as the API says it (`withheldFields`; the values come as
 * null): the trace's quotes (values, prompts, completions) are withheld with the input. The page
 * says so in words rather than showing an empty space.
 */
export function withheldParts(d: DecisionDetail) {
  const withheld = (field: WithheldDecisionField) => d.withheldFields.includes(field);
  return { input: withheld('INPUT'), output: withheld('OUTPUT'), traceQuotes: withheld('INPUT') };
}

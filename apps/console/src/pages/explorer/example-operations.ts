/**
 * The explorer's first tabs: the tasks an integrating engineer tries first (docs/api.md has the
 * full story). Each runs as is against the demo tenant (`attest seed --demo`) once its ids are filled.
 */
export const EXAMPLE_TABS = [
  {
    query: `# Record a decision: what an automation calls for every automated outcome.
# The answer says whether it was RECORDED, is PENDING_REVIEW, or was BLOCKED by a policy, and why.
# Fill in your automation's key and a model version it uses (query { automations { … } }).
mutation RecordDecision($input: RecordDecisionInput!) {
  recordDecision(input: $input) {
    replayed
    decision {
      id
      status
      outcome
      policyEvaluation {
        results {
          id
          effect
          message
        }
      }
    }
  }
}
`,
    variables: JSON.stringify(
      {
        input: {
          automationKey: 'claims-triage',
          modelVersionId: '00000000-0000-0000-0000-000000000000',
          idempotencyKey: 'example-1',
          input: { claimAmount: 1200, country: 'DE' },
          output: { route: 'fast-track' },
          confidence: 0.91,
        },
      },
      null,
      2,
    ),
  },
  {
    query: `# Find decisions: newest first, filtered (status, automation, time range, confidence, correlation id).
query FindDecisions($filter: DecisionFilter) {
  decisions(first: 10, filter: $filter) {
    edges {
      node {
        id
        occurredAt
        status
        outcome
        confidence
        correlationId
        automation {
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`,
    variables: JSON.stringify({ filter: { status: 'PENDING_REVIEW' } }, null, 2),
  },
  {
    query: `# Verify the ledger: recompute every leaf, node and signed checkpoint and name the first divergence.
query VerifyLedger {
  ledgerStatus {
    treeSize
    latestCheckpoint {
      treeSize
      rootHash
      timestamp
    }
  }
  verifyLedger(fromIndex: 0) {
    ok
    leavesChecked
    checkpointsChecked
    firstDivergence {
      index
      kind
      message
    }
  }
}
`,
  },
];

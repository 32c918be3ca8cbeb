#!/usr/bin/env bash
# The README's "Five minutes with the API" as a script, run against a running Attest:
#   ATTEST_URL=http://localhost:3000 KEY=<admin key> bash docs/quickstart.sh
# Every command of the walkthrough is here as the README writes it, in the same order
# (test/readme-walkthrough.e2e-spec.ts checks it); the lines around them check the answers. It
# stops with status 1 at the first GraphQL error or unexpected answer. The names it registers are
# unique in a tenant, so it runs once per tenant: on a fresh start of the embedded default, say.
# Waiting for the ledger's seal has no limit of its own: run it under `timeout` where that matters.
set -eu
: "${KEY:?set KEY to the admin key that npm start printed}"
export KEY ATTEST_URL="${ATTEST_URL:-http://localhost:3000}"

expect() {
  if [[ "$2" != "$1" ]]; then
    echo "quickstart: expected $1, got ${2:-nothing}" >&2
    exit 1
  fi
}

q() {
  curl -sS "$ATTEST_URL/graphql" -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
    -d "$(node -p 'const [query, ...vars] = process.argv.slice(1);
      JSON.stringify({ query, variables: Object.fromEntries(vars.map((v) => v.split(/=(.*)/s))) })' "$@")" |
    node -e 'const a = JSON.parse(require("fs").readFileSync(0, "utf8"));
      console.log(JSON.stringify(a, null, 2)); process.exitCode = a.errors ? 1 : 0'
}
field() {
  node -e 'const a = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const v = process.argv[1].split(".").reduce((o, k) => o?.[k], a);
    if (v == null) { console.error(`no ${process.argv[1]} in ${JSON.stringify(a)}`); process.exit(1) }
    console.log(typeof v === "string" ? v : JSON.stringify(v))' "$1"
}
q '{ me { id name roles { role } } }'

# A dataset snapshot and a model version trained on it
dataset=$(q 'mutation { registerDataset(input: { name: "motor-claims" }) { id } }' | field data.registerDataset.id)
datasetVersion=$(q 'mutation($dataset: ID!) { registerDatasetVersion(input: { datasetId: $dataset, version: "2024.1",
    sourceUri: "s3://data/claims/2024.1/", piiClasses: ["contact", "financial"],
    digest: "sha256:c3160dd9c6bfd1da67c8fb4fb2532a7624f8258f964ec3ba0748206c28fcdba8" }) { id } }' \
  dataset="$dataset" | field data.registerDatasetVersion.id)
model=$(q 'mutation { registerModel(input: { name: "claim-router", description: "Settlement band of a new claim" }) { id } }' |
  field data.registerModel.id)
version=$(q 'mutation($model: ID!, $datasetVersion: ID!) { registerModelVersion(input: { modelId: $model, version: "1.0.0",
    framework: "xgboost", riskTier: HIGH, intendedUse: "Route new motor claims",
    artifactUri: "s3://models/claim-router/1.0.0/model.onnx",
    artifactDigest: "sha256:9081abf438d5b078056f7905372a45aa284746d8980608ea8e95b870e1f7f0cd",
    trainingDatasetVersionIds: [$datasetVersion] }) { id } }' \
  model="$model" datasetVersion="$datasetVersion" | field data.registerModelVersion.id)

# Review: the submitter cannot approve
expect IN_REVIEW "$(q 'mutation($version: ID!) { transitionModelVersion(id: $version, to: IN_REVIEW, rationale: "Validation report VR-17") {
    status } }' version="$version" | field data.transitionModelVersion.status)"
expect FORBIDDEN "$(q 'mutation($version: ID!) { transitionModelVersion(id: $version, to: APPROVED, rationale: "Looks good") { status } }' \
  version="$version" | field errors.0.extensions.code)"

# A compliance officer approves; the admin deploys
officer=$(q 'mutation { createPrincipal(input: { kind: HUMAN, name: "chris.olsen", email: "chris.olsen@example.com" }) {
    id } }' | field data.createPrincipal.id)
q 'mutation($officer: ID!) { bindRole(input: { principalId: $officer, role: COMPLIANCE_OFFICER }) { role } }' officer="$officer"
officerKey=$(q 'mutation($officer: ID!) { issueApiKey(input: { principalId: $officer, name: "walkthrough" }) { secret } }' \
  officer="$officer" | field data.issueApiKey.secret)
expect APPROVED "$(KEY=$officerKey q 'mutation($version: ID!) { transitionModelVersion(id: $version, to: APPROVED,
    rationale: "Model risk review passed") { status } }' version="$version" | field data.transitionModelVersion.status)"
expect DEPLOYED "$(q 'mutation($version: ID!) { transitionModelVersion(id: $version, to: DEPLOYED, rationale: "Rolled out") { status } }' \
  version="$version" | field data.transitionModelVersion.status)"

# An automation that uses it, and one of its decisions, redacted
automation=$(q 'mutation { registerAutomation(input: { key: "motor-triage", name: "Motor claims triage" }) { id } }' |
  field data.registerAutomation.id)
q 'mutation($automation: ID!, $version: ID!) { registerAutomationVersion(input: { automationId: $automation, version: "1.0.0",
    riskClass: HIGH, oversightMode: REQUIRED, environment: STAGING,
    purpose: "Route new motor claims to the right adjusters", modelVersionIds: [$version] }) { id status } }' \
  automation="$automation" version="$version"
decision=$(q 'mutation($version: ID!) { recordDecision(input: { automationKey: "motor-triage", modelVersionId: $version,
    idempotencyKey: "claim-1001", input: { claimId: "CLM-1001", email: "jane@example.com" },
    output: { route: "standard" }, confidence: 0.82 }) { decision { id } } }' \
  version="$version" | field data.recordDecision.decision.id)
recorded=$(q 'query($decision: ID!) { decision(id: $decision) { status input redactions { path detector } } }' decision="$decision")
echo "$recorded"
expect RECORDED "$(field data.decision.status <<<"$recorded")"
expect '[REDACTED:email]' "$(field data.decision.input.email <<<"$recorded")"
expect '$.input.email' "$(field data.decision.redactions.0.path <<<"$recorded")"

# Lineage and the audit trail
expect DATASET_VERSION "$(q 'query($decision: ID!) { decisionLineage(decisionId: $decision) { hops { node { depth type label } evidence { actorName } } } }' \
  decision="$decision" | field data.decisionLineage.hops.3.node.type)"
expect decision.recorded "$(q '{ auditEvents(first: 5) { edges { node { action subjectType occurredAt } } } }' |
  field data.auditEvents.edges.0.node.action)"

# The ledger: sealed, proven, verified
until q 'query($decision: ID!) { decision(id: $decision) { sealedAt } }' decision="$decision" |
  field data.decision.sealedAt 2>/dev/null; do sleep 1; done
q 'query($decision: String!) { ledgerInclusionProof(factId: $decision) { leafIndex treeSize hashes checkpoint { note } } }' \
  decision="$decision"
expect true "$(q '{ verifyLedger { ok leavesChecked firstDivergence { index kind message } } }' | field data.verifyLedger.ok)"
curl -sS "$ATTEST_URL/.well-known/attest/ledger-key" | field publicKeyPem | grep -q -- '-----BEGIN PUBLIC KEY-----'
echo "quickstart: every step of the README's walkthrough answered as it says" >&2

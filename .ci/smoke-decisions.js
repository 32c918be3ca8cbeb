// The embedded default's decision paths, as a first-time user would hit them over HTTP: register a
// model and an automation, activate the default pack, record one decision, a batch, and an ingest
// that the API's in-process jobs record; then the in-process sequencer seals it all in the ledger. Usage: node .ci/smoke-decisions.js <port> <admin key>
const [port, key] = process.argv.slice(2);
/** Bounds a hang only: each wait ends when its event happens; the machine may be busy (2 shared cores). */
const LIMIT_MS = 300_000;

async function gql(query, variables) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function main() {
  const datasetId = (await gql('mutation { registerDataset(input: { name: "smoke-data" }) { id } }')).registerDataset.id;
  const datasetVersionId = (
    await gql('mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
      i: {
        datasetId,
        version: '1',
        sourceUri: 's3://d/1',
        digest: `sha256:${'d'.repeat(64)}`,
        piiClasses: ['none'],
        provenance: 'contract',
      },
    })
  ).registerDatasetVersion.id;
  const modelId = (await gql('mutation { registerModel(input: { name: "smoke-model" }) { id } }')).registerModel.id;
  const modelVersionId = (
    await gql(`mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }`, {
      i: {
        modelId,
        version: '1.0.0',
        artifactUri: 's3://m/1',
        artifactDigest: `sha256:${'a'.repeat(64)}`,
        framework: 'xgboost',
        riskTier: 'LOW',
        trainingDatasetVersionIds: [datasetVersionId],
      },
    })
  ).registerModelVersion.id;
  const automationId = (await gql('mutation { registerAutomation(input: { key: "smoke-claims", name: "Smoke claims" }) { id } }'))
    .registerAutomation.id;
  await gql(`mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }`, {
    i: {
      automationId,
      version: '1',
      purpose: 'Route claims',
      riskClass: 'MINIMAL',
      oversightMode: 'NONE',
      environment: 'STAGING',
      modelVersionIds: [modelVersionId],
    },
  });
  await gql('mutation { activatePolicyPack(name: "default", rationale: "smoke") { digest } }');
  const item = (k, extra = {}) => ({
    automationId,
    modelVersionId,
    idempotencyKey: k,
    input: { email: 'jane@example.com' },
    output: { route: 'fast' },
    confidence: 0.9,
    ...extra,
  });

  const one = (
    await gql('mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { status input } } }', { i: item('smoke-1') })
  ).recordDecision;
  if (one.decision.status !== 'RECORDED' || one.decision.input.email !== '[REDACTED:email]')
    throw new Error(`recordDecision: ${JSON.stringify(one)}`);

  const batch = (
    await gql('mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded replayed failed } } }', {
      i: { decisions: [item('smoke-1'), item('smoke-2'), item('smoke-3', { confidence: 7 })] },
    })
  ).recordDecisions.counts;
  if (JSON.stringify(batch) !== JSON.stringify({ recorded: 1, replayed: 1, failed: 1 }))
    throw new Error(`recordDecisions: ${JSON.stringify(batch)}`);

  const items = Array.from({ length: 600 }, (_, i) => item(`smoke-ingest-${i}`));
  const { id } = (await gql('mutation($i: IngestDecisionsInput!) { ingestDecisions(input: $i) { id } }', { i: { decisions: items } }))
    .ingestDecisions;
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const job = (await gql('query($id: ID!) { ingestJob(id: $id) { status processed counts { recorded failed } } }', { id })).ingestJob;
    if (job.status === 'COMPLETED') {
      if (job.counts.recorded !== 600 || job.counts.failed !== 0) throw new Error(`ingestJob: ${JSON.stringify(job)}`);
      break;
    }
    if (Date.now() > deadline) throw new Error(`ingestJob did not complete within ${LIMIT_MS / 1000} s: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The embedded default seals too: its in-process sequencer puts every leaf in a signed checkpoint.
  const sealDeadline = Date.now() + LIMIT_MS;
  for (;;) {
    const status = (await gql('{ ledgerStatus { treeSize unsequenced latestCheckpoint { treeSize note } } }')).ledgerStatus;
    if (status.unsequenced === 0 && status.treeSize > 1200) {
      const verified = (await gql('{ verifyLedger { ok leavesChecked firstDivergence { index kind message } } }')).verifyLedger;
      if (!verified.ok || verified.leavesChecked !== status.treeSize) throw new Error(`verifyLedger: ${JSON.stringify(verified)}`);
      break;
    }
    if (Date.now() > sealDeadline) throw new Error(`the ledger was not sealed within ${LIMIT_MS / 1000} s: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const sealed = (await gql('{ decisions(first: 1) { edges { node { id ledgerIndex sealedAt } } } }')).decisions.edges[0].node;
  if (sealed.ledgerIndex === null || sealed.sealedAt === null) throw new Error(`a decision is not sealed: ${JSON.stringify(sealed)}`);

  // Lineage on the embedded default: impactOf from the counts the sealing kept (all 602 decisions are sealed), the graph, and OpenLineage in.
  const impact = (
    await gql('query($id: ID!) { impactOf(datasetVersionId: $id) { modelVersions { id } decisions { total byStatus { key count } } } }', {
      id: datasetVersionId,
    })
  ).impactOf;
  if (impact.decisions.total !== 602 || impact.modelVersions[0]?.id !== modelVersionId)
    throw new Error(`impactOf: ${JSON.stringify(impact)}`);
  const up = (await gql('query($id: ID!) { lineage(node: { type: DECISION, id: $id }) { nodes { type } } }', { id: sealed.id })).lineage;
  if (!up.nodes.some((n) => n.type === 'MODEL_VERSION')) throw new Error(`lineage: ${JSON.stringify(up)}`);
  const runId = require('node:crypto').randomUUID();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/lineage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      eventType: 'COMPLETE',
      eventTime: new Date().toISOString(),
      producer: 'https://example.com/smoke',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId },
      job: { namespace: 'smoke', name: 'train' },
      inputs: [{ namespace: 's3://m', name: 'in' }],
      outputs: [{ namespace: 's3://m', name: '1' }],
    }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/lineage: ${res.status} ${await res.text()}`);
  const run = (
    await gql('query($id: ID!) { lineage(node: { type: RUN, id: $id }, direction: BOTH, depth: 1) { nodes { type } } }', { id: runId })
  ).lineage;
  if (run.nodes.length !== 3) throw new Error(`the OpenLineage run's lineage: ${JSON.stringify(run)}`);
  // A policy simulation, as an in-process job: the default pack with its high-risk threshold raised, over the 602 decisions (the walkthrough's one, recorded before any pack was active, is read but not replayed).
  const packDir = require('node:path').join(__dirname, '..', 'policies', 'default');
  const fs = require('node:fs');
  const policies = fs
    .readdirSync(packDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((name) => ({
      name,
      content: fs.readFileSync(require('node:path').join(packDir, name), 'utf8').replace('value: 0.7 }', 'value: 0.95 }'),
    }));
  const simulation = (
    await gql('mutation($i: SimulatePolicyPackInput!) { simulatePolicyPack(input: $i) { id } }', { i: { policies, label: 'smoke' } })
  ).simulatePolicyPack;
  const simulationDeadline = Date.now() + LIMIT_MS;
  for (;;) {
    const s = (
      await gql('query($id: ID!) { policySimulation(id: $id) { status error summary { decisions replayed } markdown } }', {
        id: simulation.id,
      })
    ).policySimulation;
    if (s.status === 'COMPLETED') {
      if (s.summary.replayed !== 602 || !s.markdown.startsWith('<!-- attest-policy-review -->'))
        throw new Error(`policySimulation: ${JSON.stringify(s.summary)}`);
      break;
    }
    if (s.status === 'FAILED' || Date.now() > simulationDeadline)
      throw new Error(`policySimulation did not complete: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  process.stderr.write(
    'smoke: recordDecision, recordDecisions and ingestDecisions (600, in-process jobs) work on the embedded default, the ledger seals and verifies, lineage answers (impactOf and OpenLineage in included), and a policy simulation completes\n',
  );
}

main().catch((error) => {
  process.stderr.write(`smoke: decisions failed: ${error.message}\n`);
  process.exit(1);
});

import { toGraphqlEnum } from '@attest/core';
import { recordDemoDecisions, type DemoDecision } from './demo-decisions';

/**
 * The demo tenant: an insurer's claim-triage automation, made through the GraphQL API exactly as a
 * client would (so the seed doubles as a worked example of the API). The API is this process's own
 * (attest seed --demo) or a running one (--url): the content is the same, only the transport differs.
 */
// The seed reads a dozen ad-hoc query results as JSON; a declared type for each would only restate the query.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped GraphQL JSON, as in the tests
export type GraphQLData = Record<string, any>;

export type GraphQLCall = (key: string, query: string, variables?: Record<string, unknown>) => Promise<GraphQLData>;

export interface DemoTenant {
  keys: Record<'admin' | 'model_owner' | 'automation_owner' | 'compliance_officer' | 'auditor' | 'service', string>;
  modelVersionIds: string[];
  automationId: string;
  decisions: DemoDecision[];
  /** A one-time sign-in link to the console for each person of the demo (single use, 15 minutes). */
  signInLinks: { name: string; role: string; url: string }[];
}

const digest = (seed: string) => `sha256:${Buffer.from(seed.padEnd(32, '.')).toString('hex').slice(0, 64)}`;

export async function seedDemo(gql: GraphQLCall, adminKey: string): Promise<DemoTenant> {
  const person = async (name: string, email: string, role: string, automationId?: string) => {
    const kind = role === 'service' ? 'service' : 'human';
    const { createPrincipal } = await gql(adminKey, 'mutation($i: CreatePrincipalInput!) { createPrincipal(input: $i) { id } }', {
      i: { kind: toGraphqlEnum(kind), name, email: kind === 'human' ? email : undefined },
    });
    await gql(adminKey, 'mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }', {
      i: { principalId: createPrincipal.id, role: toGraphqlEnum(role), automationId },
    });
    const { issueApiKey } = await gql(adminKey, 'mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }', {
      i: { principalId: createPrincipal.id, name: `${name} (demo)` },
    });
    return { id: createPrincipal.id as string, key: issueApiKey.secret as string };
  };

  await gql(adminKey, 'mutation($r: String!) { activatePolicyPack(name: "default", rationale: $r) { digest } }', {
    r: 'Default pack adopted by the AI governance board',
  });
  const alice = await person('alice', 'alice@northwind.example', 'model_owner');
  const bob = await person('bob', 'bob@northwind.example', 'automation_owner');
  const carol = await person('carol', 'carol@northwind.example', 'compliance_officer');
  const dave = await person('dave', 'dave@northwind.example', 'auditor');
  // The default pack asks two approvers for a high-risk model version.
  const erin = await person('erin', 'erin@northwind.example', 'compliance_officer');

  const datasetVersion = async (name: string, description: string, version: string, piiClasses: string[], provenance: string) => {
    const { registerDataset } = await gql(alice.key, 'mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }', {
      i: { name, description },
    });
    const { registerDatasetVersion } = await gql(
      alice.key,
      'mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }',
      {
        i: {
          datasetId: registerDataset.id,
          version,
          sourceUri: `s3://northwind-data/${name}/${version}/`,
          digest: digest(`${name}@${version}`),
          piiClasses,
          provenance,
          licence: 'internal',
          schema: { type: 'object', properties: { claim_id: { type: 'string' }, amount: { type: 'number' } } },
        },
      },
    );
    return registerDatasetVersion.id as string;
  };
  const claims = await datasetVersion(
    'claims-history',
    'Closed motor and property claims 2019-2024',
    '2024.1',
    ['contact', 'financial'],
    'Exported from the claims system (Guidewire) on 2024-06-30',
  );
  const profiles = await datasetVersion(
    'policyholder-profiles',
    'Policyholder master data',
    '3',
    ['contact', 'identifier'],
    'CRM snapshot, pseudonymised',
  );
  const fraudLabels = await datasetVersion(
    'fraud-labels',
    'Investigator verdicts on suspected fraud',
    '1',
    ['none'],
    'Special investigations unit case files',
  );

  const modelVersion = async (modelName: string, description: string, version: string, input: Record<string, unknown>) => {
    const existing = await gql(alice.key, 'query($s: String!) { models(filter: { search: $s }) { edges { node { id name } } } }', {
      s: modelName,
    });
    const found = existing.models.edges.find((e: { node: { name: string } }) => e.node.name === modelName);
    const modelId =
      found?.node.id ??
      (
        await gql(alice.key, 'mutation($i: RegisterModelInput!) { registerModel(input: $i) { id } }', {
          i: { name: modelName, description },
        })
      ).registerModel.id;
    const { registerModelVersion } = await gql(
      alice.key,
      'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }',
      {
        i: {
          modelId,
          version,
          artifactDigest: digest(`${modelName}@${version}`),
          artifactUri: `s3://northwind-models/${modelName}/${version}/model.onnx`,
          ...input,
        },
      },
    );
    return registerModelVersion.id as string;
  };
  const transitionModel = (key: string, id: string, to: string, rationale: string) =>
    gql(
      key,
      'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionModelVersion(id: $id, to: $to, rationale: $r) { status } }',
      { id, to: toGraphqlEnum(to), r: rationale },
    );

  const severity = await modelVersion('claim-severity', 'Predicts the settlement band of a new claim', '1.0.0', {
    framework: 'xgboost',
    riskTier: 'HIGH',
    intendedUse: 'Rank new motor claims by expected severity to route them to the right handler team',
    limitations: 'Not validated for commercial fleet claims; degrades for claims with fewer than 3 documents',
    metrics: [
      { name: 'auc', value: 0.87, datasetVersionId: claims },
      { name: 'calibration_error', value: 0.031 },
    ],
    trainingDatasetVersionIds: [claims, profiles],
    evaluationDatasetVersionIds: [claims],
  });
  const severityNext = await modelVersion('claim-severity', 'Predicts the settlement band of a new claim', '1.1.0', {
    framework: 'xgboost',
    riskTier: 'HIGH',
    intendedUse: 'As 1.0.0, retrained on 2024 H1',
    trainingDatasetVersionIds: [claims, profiles],
  });
  const fraud = await modelVersion('fraud-score', 'Scores the likelihood that a claim needs investigation', '2.3.0', {
    framework: 'pytorch',
    riskTier: 'MEDIUM',
    intendedUse: 'Flag claims for the special investigations unit; never auto-deny',
    limitations: 'Trained on investigated claims only (selection bias)',
    metrics: [{ name: 'precision_at_5pct', value: 0.64 }],
    trainingDatasetVersionIds: [fraudLabels, claims],
  });
  for (const id of [severity, fraud]) {
    await transitionModel(alice.key, id, 'in_review', 'Validation report attached (VR-2024-17)');
    await transitionModel(carol.key, id, 'approved', 'Model risk review passed');
  }
  await transitionModel(erin.key, severity, 'approved', 'Second review of a high-risk model: passed');
  await transitionModel(alice.key, severity, 'deployed', 'Rolled out to production');
  await transitionModel(alice.key, severityNext, 'in_review', 'Retrained on 2024 H1 data');

  const { registerAutomation } = await gql(bob.key, 'mutation($i: RegisterAutomationInput!) { registerAutomation(input: $i) { id } }', {
    i: {
      key: 'claims-triage',
      name: 'Claims triage',
      description: 'Routes each new claim to fast-track, standard handling or investigation',
    },
  });
  const { registerAutomationVersion } = await gql(
    bob.key,
    'mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }',
    {
      i: {
        automationId: registerAutomation.id,
        version: '1',
        environment: 'PRODUCTION',
        riskClass: 'HIGH',
        oversightMode: 'SAMPLE',
        purpose: 'Triage of insurance claims; access to an essential private service (EU AI Act Annex III 5(b) where it affects cover)',
        modelVersionIds: [severity, fraud],
      },
    },
  );
  const transitionAutomation = (key: string, to: string, rationale: string) =>
    gql(
      key,
      'mutation($id: ID!, $to: LifecycleStatus!, $r: String!) { transitionAutomationVersion(id: $id, to: $to, rationale: $r) { status } }',
      {
        id: registerAutomationVersion.id,
        to: toGraphqlEnum(to),
        r: rationale,
      },
    );
  await transitionAutomation(bob.key, 'in_review', 'Ready for go-live review');
  await transitionAutomation(carol.key, 'approved', 'Human oversight by 5% sampling agreed with claims management');
  await transitionAutomation(bob.key, 'deployed', 'Live for motor claims');

  const service = await person('claims-triage-svc', '', 'service', registerAutomation.id);
  const decisions = await recordDemoDecisions(
    gql,
    { service: service.key, complianceOfficer: carol.key },
    { current: severity, candidate: fraud },
  );
  const { me: admin } = await gql(adminKey, '{ me { id name } }');
  const people = [
    { ...admin, role: 'admin' },
    { ...alice, name: 'alice', role: 'model_owner' },
    { ...bob, name: 'bob', role: 'automation_owner' },
    { ...carol, name: 'carol', role: 'compliance_officer' },
    { ...dave, name: 'dave', role: 'auditor' },
    { ...erin, name: 'erin', role: 'compliance_officer' },
  ];
  const signInLinks = [];
  for (const { id, name, role } of people) {
    const { issueSignInLink } = await gql(adminKey, 'mutation($p: ID!) { issueSignInLink(principalId: $p) { url } }', { p: id });
    signInLinks.push({ name: name as string, role, url: issueSignInLink.url as string });
  }
  return {
    signInLinks,
    keys: {
      admin: adminKey,
      model_owner: alice.key,
      automation_owner: bob.key,
      compliance_officer: carol.key,
      auditor: dave.key,
      service: service.key,
    },
    modelVersionIds: [severity, severityNext, fraud],
    automationId: registerAutomation.id,
    decisions,
  };
}

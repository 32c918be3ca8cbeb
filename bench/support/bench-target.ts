import { randomBytes } from 'node:crypto';
import { GraphQLClient } from './graphql-client';

/** A claim-triage decision: 11 input fields (one e-mail address, redacted), an output, a confidence and 3 explanation steps. */
export function decisionPayload(automationId: string, modelVersionId: string): Record<string, unknown> {
  return {
    automationId,
    modelVersionId,
    idempotencyKey: '__KEY__',
    input: {
      claimId: 'CLM-2026-004211',
      policyNumber: 'POL-88412-MT',
      claimant: { name: 'Jane Doe', email: 'jane.doe@example.com' },
      amount: 1200.5,
      currency: 'EUR',
      kind: 'motor',
      incidentDate: '2026-11-02',
      region: 'NL-NH',
      priorClaims: 1,
      channel: 'web',
      description: 'Rear-end collision at low speed in a parking garage, no injuries reported, photos attached.',
    },
    output: { route: 'fast-track', reserve: 1200.5, reasons: ['amount below threshold', 'no injuries'] },
    confidence: 0.93,
    explanation: [
      { featureAttribution: { feature: 'amount', value: 1200.5, weight: 0.42 } },
      { ruleFired: { ruleId: 'R-17', outcome: 'fast-track eligible' } },
      { note: { text: 'No prior fraud flags for this policy number.' } },
    ],
  };
}

export interface Target {
  automationId: string;
  modelVersionId: string;
  servicePrincipalId: string;
  serviceKey: string;
}

/** A model version, an automation (minimal risk, no oversight, staging) using it, and a service principal bound to it. */
export async function registerAutomation(admin: GraphQLClient): Promise<Target> {
  const suffix = randomBytes(4).toString('hex');
  const modelId = (await admin.gql('mutation($n: String!) { registerModel(input: { name: $n }) { id } }', { n: `bench-model-${suffix}` }))
    .registerModel.id;
  const modelVersionId = (
    await admin.gql('mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
      i: {
        modelId,
        version: '1.0.0',
        artifactUri: 's3://models/claims',
        artifactDigest: `sha256:${'a'.repeat(64)}`,
        framework: 'xgboost',
        riskTier: 'LOW',
      },
    })
  ).registerModelVersion.id;
  const automationId = (
    await admin.gql('mutation($k: String!) { registerAutomation(input: { key: $k, name: $k }) { id } }', { k: `bench-claims-${suffix}` })
  ).registerAutomation.id;
  await admin.gql('mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
    i: {
      automationId,
      version: '1',
      purpose: 'Route insurance claims',
      riskClass: 'MINIMAL',
      oversightMode: 'NONE',
      environment: 'STAGING',
      modelVersionIds: [modelVersionId],
    },
  });
  const servicePrincipalId = (
    await admin.gql('mutation($i: CreatePrincipalInput!) { createPrincipal(input: $i) { id } }', {
      i: { kind: 'SERVICE', name: `bench-service-${suffix}` },
    })
  ).createPrincipal.id;
  await admin.gql('mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }', {
    i: { principalId: servicePrincipalId, role: 'SERVICE', automationId },
  });
  const serviceKey = (
    await admin.gql('mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }', {
      i: { principalId: servicePrincipalId, name: 'bench' },
    })
  ).issueApiKey.secret;
  return { automationId, modelVersionId, servicePrincipalId, serviceKey };
}

/** registerAutomation through the bootstrap admin, with the default policy pack active: what a decision bench records against. */
export async function prepareTarget(port: number, adminKey: string): Promise<Target> {
  const admin = new GraphQLClient(port, adminKey, 1);
  try {
    const target = await registerAutomation(admin);
    await admin.gql('mutation { activatePolicyPack(name: "default", rationale: "bench") { digest } }');
    return target;
  } finally {
    admin.close();
  }
}

/** n claim-triage decisions for the target, with idempotency keys `<run>-<i>` (a run's keys never repeat another's). */
export function decisionBatch(target: Target, run: string, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    ...decisionPayload(target.automationId, target.modelVersionId),
    idempotencyKey: `${run}-${i}`,
  }));
}

/** One decision recorded through the API by the target's service (idempotency key `template`): what a bench copies in bulk. */
export async function recordTemplate(port: number, target: Target): Promise<string> {
  const service = new GraphQLClient(port, target.serviceKey, 1);
  try {
    return (
      await service.gql('mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decision { id } } }', {
        i: { ...decisionPayload(target.automationId, target.modelVersionId), idempotencyKey: 'template' },
      })
    ).recordDecision.decision.id;
  } finally {
    service.close();
  }
}

/** A principal with one role and an API key, created as an admin would. */
export async function principalWithRole(admin: GraphQLClient, role: string, name: string): Promise<{ id: string; key: string }> {
  const kind = role === 'service' ? 'SERVICE' : 'HUMAN';
  const id: string = (await admin.gql('mutation($i: CreatePrincipalInput!) { createPrincipal(input: $i) { id } }', { i: { kind, name } }))
    .createPrincipal.id;
  await admin.gql('mutation($i: BindRoleInput!) { bindRole(input: $i) { id } }', { i: { principalId: id, role: role.toUpperCase() } });
  const key: string = (
    await admin.gql('mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { secret } }', {
      i: { principalId: id, name: `${name} key` },
    })
  ).issueApiKey.secret;
  return { id, key };
}

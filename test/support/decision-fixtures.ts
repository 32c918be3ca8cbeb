import { randomBytes } from 'node:crypto';
import { ok, principalWithRole, type GraphQLCaller } from './test-app';

export interface AutomationFixture {
  automationId: string;
  automationKey: string;
  automationVersionId: string;
  modelVersionId: string;
  /** A service principal bound to the automation. */
  service: { id: string; key: string };
}

/** GraphQL enum values (docs/api.md, "Enums"). */
export interface AutomationOptions {
  riskClass?: 'MINIMAL' | 'LIMITED' | 'HIGH' | 'UNACCEPTABLE';
  oversightMode?: 'NONE' | 'SAMPLE' | 'REQUIRED';
  environment?: 'DEV' | 'STAGING' | 'PRODUCTION';
  domain?: string;
  /** PII classes of a dataset the model version was trained on (none: no dataset). */
  trainingPii?: string[];
  /** Who registers (defaults to the admin). */
  ownerKey?: string;
  /** The automation's owner, when not the registrant. */
  automationOwnerId?: string;
}

const suffix = () => randomBytes(4).toString('hex');

/**
 * A model version used by a new automation's version, and a service bound to it, registered by the
 * tenant admin through the API. Register fixtures before activating a policy pack when they
 * would not pass its registration policies.
 */
export async function automationFixture(t: GraphQLCaller, options: AutomationOptions = {}): Promise<AutomationFixture> {
  const key = options.ownerKey ?? t.adminKey;
  const modelId = ok(await t.gql(key, 'mutation($n: String!) { registerModel(input: { name: $n }) { id } }', { n: `model-${suffix()}` }))
    .registerModel.id as string;
  const datasetVersionIds: string[] = [];
  if (options.trainingPii) {
    const datasetId = ok(
      await t.gql(key, 'mutation($n: String!) { registerDataset(input: { name: $n }) { id } }', { n: `data-${suffix()}` }),
    ).registerDataset.id;
    datasetVersionIds.push(
      ok(
        await t.gql(key, `mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }`, {
          i: {
            datasetId,
            version: '1',
            sourceUri: 's3://data/train',
            digest: `sha256:${'d'.repeat(64)}`,
            piiClasses: options.trainingPii,
            provenance: 'contract',
          },
        }),
      ).registerDatasetVersion.id,
    );
  }
  const modelVersionId = ok(
    await t.gql(key, 'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
      i: {
        modelId,
        version: '1.0.0',
        artifactUri: 's3://models/m',
        artifactDigest: `sha256:${'a'.repeat(64)}`,
        framework: 'xgboost',
        riskTier: 'LOW',
        ...(datasetVersionIds.length ? { trainingDatasetVersionIds: datasetVersionIds } : {}),
      },
    }),
  ).registerModelVersion.id as string;
  const automationKey = `auto-${suffix()}`;
  const automationId = ok(
    await t.gql(key, 'mutation($i: RegisterAutomationInput!) { registerAutomation(input: $i) { id } }', {
      i: { key: automationKey, name: automationKey, ...(options.automationOwnerId ? { ownerId: options.automationOwnerId } : {}) },
    }),
  ).registerAutomation.id as string;
  const automationVersionId = ok(
    await t.gql(key, 'mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
      i: {
        automationId,
        version: '1',
        purpose: 'Route insurance claims',
        riskClass: options.riskClass ?? 'MINIMAL',
        oversightMode: options.oversightMode ?? 'NONE',
        environment: options.environment ?? 'STAGING',
        modelVersionIds: [modelVersionId],
        ...(options.domain ? { domain: options.domain } : {}),
      },
    }),
  ).registerAutomationVersion.id as string;
  const service = await principalWithRole(t, 'service', { automationId });
  return { automationId, automationKey, automationVersionId, modelVersionId, service };
}

export const RECORD = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) {
  replayed
  decision { id status outcome automationId automationVersionId modelVersionId inputHash input output context confidence hasSubject
    policyEvaluation { packDigest effect matched { id version effect severity message frameworks } }
    redactions { path detector count } } } }`;

/** A minimal valid decision input for the fixture; override any field. */
export function decisionInput(f: AutomationFixture, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    automationId: f.automationId,
    modelVersionId: f.modelVersionId,
    idempotencyKey: `key-${suffix()}-${suffix()}`,
    input: { claim: { amount: 1200, kind: 'motor' } },
    output: { route: 'fast-track' },
    confidence: 0.93,
    ...extra,
  };
}

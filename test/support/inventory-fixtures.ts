import { randomBytes } from 'node:crypto';
import { ok, type GraphQLCaller } from './test-app';

export interface InventoryFixture {
  modelId: string;
  modelName: string;
  modelVersionId: string;
  datasetId: string;
  datasetName: string;
  datasetVersionId: string;
  automationId: string;
  automationName: string;
  automationVersionId: string;
}

const suffix = () => randomBytes(3).toString('hex');

/**
 * A model with a draft version that has a full model card (intended use, limitations, metrics; none when `undocumented`), is
 * trained and evaluated on a dataset snapshot holding health data, and is used by an automation's
 * version: the model and dataset registered by `ownerKey` (a model owner), the automation by the admin.
 */
export async function inventoryFixture(
  t: GraphQLCaller,
  ownerKey: string,
  prefix = 'claim-severity',
  options: { riskTier?: 'LOW' | 'MEDIUM' | 'HIGH'; undocumented?: boolean } = {},
): Promise<InventoryFixture> {
  const tag = suffix();
  const datasetName = `claims-history-${tag}`;
  const datasetId = ok(
    await t.gql(ownerKey, 'mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { id } }', {
      i: { name: datasetName, description: 'Closed motor claims with adjuster outcomes, 2019 onwards' },
    }),
  ).registerDataset.id as string;
  const datasetVersionId = ok(
    await t.gql(ownerKey, 'mutation($i: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $i) { id } }', {
      i: {
        datasetId,
        version: '2025-06',
        sourceUri: 's3://lake/claims-history/2025-06/',
        digest: `sha256:${'9f86d081'.repeat(8)}`,
        piiClasses: ['identifier', 'financial', 'health'],
        provenance: 'Exported from ClaimCenter; names and addresses removed',
        licence: 'proprietary',
        schema: { columns: ['claim_id', 'loss_amount', 'injury_code'] },
      },
    }),
  ).registerDatasetVersion.id as string;
  const modelName = `${prefix}-${tag}`;
  const modelId = ok(
    await t.gql(ownerKey, 'mutation($i: RegisterModelInput!) { registerModel(input: $i) { id } }', {
      i: { name: modelName, description: 'Predicts the severity band of a new claim' },
    }),
  ).registerModel.id as string;
  const modelVersionId = ok(
    await t.gql(ownerKey, 'mutation($i: RegisterModelVersionInput!) { registerModelVersion(input: $i) { id } }', {
      i: {
        modelId,
        version: '1.4.0',
        artifactUri: 's3://models/claim-severity/1.4.0/model.onnx',
        artifactDigest: `sha256:${'3a7bd3e2'.repeat(8)}`,
        framework: 'xgboost',
        riskTier: options.riskTier ?? 'MEDIUM',
        // An undocumented version has no model card: the default pack refuses approving it when high-risk.
        ...(options.undocumented
          ? {}
          : {
              intendedUse: 'Rank incoming motor claims by expected severity',
              limitations: 'Not validated for commercial fleet claims',
              metrics: [{ name: 'auc', value: 0.91, datasetVersionId }],
            }),
        trainingDatasetVersionIds: [datasetVersionId],
        evaluationDatasetVersionIds: [datasetVersionId],
      },
    }),
  ).registerModelVersion.id as string;
  const automationName = `Claims triage ${tag}`;
  const automationId = ok(
    await t.gql(t.adminKey, 'mutation($i: RegisterAutomationInput!) { registerAutomation(input: $i) { id } }', {
      i: { key: `claims-triage-${tag}`, name: automationName, description: 'Routes new motor claims' },
    }),
  ).registerAutomation.id as string;
  const automationVersionId = ok(
    await t.gql(t.adminKey, 'mutation($i: RegisterAutomationVersionInput!) { registerAutomationVersion(input: $i) { id } }', {
      i: {
        automationId,
        version: '2.1.0',
        purpose: 'Routes each new motor claim to fast-track, standard or specialist handling',
        riskClass: 'LIMITED',
        oversightMode: 'SAMPLE',
        environment: 'STAGING',
        modelVersionIds: [modelVersionId],
      },
    }),
  ).registerAutomationVersion.id as string;
  return {
    modelId,
    modelName,
    modelVersionId,
    datasetId,
    datasetName,
    datasetVersionId,
    automationId,
    automationName,
    automationVersionId,
  };
}

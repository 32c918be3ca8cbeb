/**
 * What Attest knows about an AI system, as the technical documentation reads it: gathered from the
 * registry, policy, decisions (review) and monitoring contexts by DocumentationFacts, and turned
 * into documents by pure functions (annex-iv.ts, model-card.ts), so the documents are tested
 * without a database.
 */
export interface DatasetVersionFacts {
  id: string;
  datasetName: string;
  datasetDescription: string | null;
  version: string;
  sourceUri: string;
  digest: string;
  piiClasses: string[];
  provenance: string | null;
  licence: string | null;
  /** The schema as registered (JSON), null when none was given. */
  schema: Record<string, unknown> | null;
}

export interface MetricFacts {
  name: string;
  value: number;
  /** The evaluation dataset version it was measured on, when recorded. */
  datasetVersionId: string | null;
}

export interface ModelVersionFacts {
  id: string;
  modelName: string;
  modelDescription: string | null;
  /** The model's owner: their id (who may generate its model card) and their name as shown. */
  ownerId: string;
  owner: string;
  version: string;
  framework: string;
  artifactUri: string;
  artifactDigest: string;
  intendedUse: string | null;
  limitations: string | null;
  metrics: MetricFacts[];
  riskTier: string;
  status: string;
  registeredAt: Date;
  training: DatasetVersionFacts[];
  evaluation: DatasetVersionFacts[];
}

export interface PolicyFacts {
  id: string;
  version: number;
  description: string;
  appliesTo: string;
  severity: string;
  effect: string;
  frameworks: string[];
}

export interface GoverningPolicies {
  /** The tenant's active pack; null before the first activation. */
  pack: { name: string; digest: string } | null;
  policies: PolicyFacts[];
}

export interface LifecycleFacts {
  registeredAt: Date;
  registeredBy: string;
  transitions: { from: string; to: string; by: string; at: Date; rationale: string }[];
  approvals: { by: string; at: Date; rationale: string; reviewRound: number }[];
}

export interface MonitorFacts {
  automationVersion: string;
  metric: string;
  state: string;
  value: number | null;
  warnAt: number;
  alertAt: number;
  windowDays: number;
  evaluatedAt: Date | null;
}

export interface OversightFacts {
  automationVersion: string;
  oversightMode: string;
  riskClass: string;
  reviewSlaMinutes: number;
  reviewSlaIsSet: boolean;
}

export interface AutomationVersionFacts {
  id: string;
  automationName: string;
  automationKey: string;
  automationDescription: string | null;
  ownerId: string;
  owner: string;
  version: string;
  purpose: string;
  domain: string | null;
  riskClass: string;
  oversightMode: string;
  environment: string;
  status: string;
  models: ModelVersionFacts[];
  governance: GoverningPolicies;
  oversight: OversightFacts;
  /** The roles whose access rules let them review decisions (policies/access/). */
  reviewerRoles: string[];
  lifecycle: LifecycleFacts;
  monitors: MonitorFacts[];
}

/** A model version with where it is used: what its Annex IV documentation needs beyond its model card. */
export interface ModelSystemFacts {
  model: ModelVersionFacts;
  governance: GoverningPolicies;
  usedBy: OversightFacts[];
  reviewerRoles: string[];
  lifecycle: LifecycleFacts;
  monitors: MonitorFacts[];
}

import { registerEnumType } from '@nestjs/graphql';

export enum LifecycleStatus {
  DRAFT = 'draft',
  IN_REVIEW = 'in_review',
  APPROVED = 'approved',
  DEPLOYED = 'deployed',
  DEPRECATED = 'deprecated',
  RETIRED = 'retired',
}
registerEnumType(LifecycleStatus, {
  name: 'LifecycleStatus',
  description: 'Where a model or automation version is in its lifecycle; moves into in review, approved and deployed pass the policy gates',
  valuesMap: {
    DRAFT: { description: 'Registered, not yet submitted' },
    IN_REVIEW: { description: 'Submitted for validation' },
    APPROVED: { description: 'Validated; may be deployed' },
    DEPLOYED: { description: 'In use: automations may record decisions with it' },
    DEPRECATED: { description: 'Still usable, to be replaced' },
    RETIRED: { description: 'No longer usable' },
  },
});

export enum RiskTier {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
}
registerEnumType(RiskTier, {
  name: 'RiskTier',
  description: "The model owner's assessment of a model version",
  valuesMap: {
    LOW: { description: 'Low risk' },
    MEDIUM: { description: 'Medium risk' },
    HIGH: { description: 'High risk' },
  },
});

/** EU AI Act risk classes (Art. 5, 6 and Annex III, Art. 50). */
export enum RiskClass {
  UNACCEPTABLE = 'unacceptable',
  HIGH = 'high',
  LIMITED = 'limited',
  MINIMAL = 'minimal',
}
registerEnumType(RiskClass, {
  name: 'RiskClass',
  description: 'EU AI Act risk class',
  valuesMap: {
    UNACCEPTABLE: { description: 'Prohibited practice (Art. 5)' },
    HIGH: { description: 'High-risk system (Art. 6, Annex III)' },
    LIMITED: { description: 'Transparency obligations (Art. 50)' },
    MINIMAL: { description: 'No specific obligations' },
  },
});

export enum OversightMode {
  NONE = 'none',
  SAMPLE = 'sample',
  REQUIRED = 'required',
}
registerEnumType(OversightMode, {
  name: 'OversightMode',
  description: 'Human oversight of decisions (EU AI Act Art. 14)',
  valuesMap: {
    NONE: { description: 'No human oversight' },
    SAMPLE: { description: 'A sample of decisions is reviewed' },
    REQUIRED: { description: 'Every decision is reviewed' },
  },
});

export enum Environment {
  DEV = 'dev',
  STAGING = 'staging',
  PRODUCTION = 'production',
}
registerEnumType(Environment, {
  name: 'Environment',
  description: 'Where an automation version runs',
  valuesMap: {
    DEV: { description: 'Development' },
    STAGING: { description: 'Staging, before production' },
    PRODUCTION: { description: 'Production' },
  },
});

export enum DatasetPurpose {
  TRAINING = 'training',
  EVALUATION = 'evaluation',
}

/**
 * The personal-data classes a dataset version may declare (GDPR Art. 9 and 10 for the special
 * ones). `none` is an explicit statement that it holds no personal data, so it stands alone.
 */
export const PII_CLASSES = [
  'none',
  'contact',
  'identifier',
  'financial',
  'health',
  'biometric',
  'location',
  'special_category',
  'children',
] as const;
export type PiiClass = (typeof PII_CLASSES)[number];
export const PII_CLASSES_DESCRIPTION = `Personal-data classes present, one or more of: ${PII_CLASSES.join(', ')} ("none" alone)`;

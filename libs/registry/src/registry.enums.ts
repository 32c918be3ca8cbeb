import { registerEnumType } from '@nestjs/graphql';

export enum LifecycleStatus {
  draft = 'draft',
  in_review = 'in_review',
  approved = 'approved',
  deployed = 'deployed',
  deprecated = 'deprecated',
  retired = 'retired',
}
registerEnumType(LifecycleStatus, { name: 'LifecycleStatus' });

export enum RiskTier {
  low = 'low',
  medium = 'medium',
  high = 'high',
}
registerEnumType(RiskTier, { name: 'RiskTier', description: 'The model owner\'s assessment of a model version' });

/** EU AI Act risk classes (Art. 5, 6 and Annex III, Art. 50). */
export enum RiskClass {
  unacceptable = 'unacceptable',
  high = 'high',
  limited = 'limited',
  minimal = 'minimal',
}
registerEnumType(RiskClass, { name: 'RiskClass', description: 'EU AI Act risk class' });

export enum OversightMode {
  none = 'none',
  sample = 'sample',
  required = 'required',
}
registerEnumType(OversightMode, { name: 'OversightMode', description: 'Human oversight of decisions (EU AI Act Art. 14)' });

export enum Environment {
  dev = 'dev',
  staging = 'staging',
  production = 'production',
}
registerEnumType(Environment, { name: 'Environment' });

export enum DatasetPurpose {
  training = 'training',
  evaluation = 'evaluation',
}

/**
 * The personal-data classes a dataset version may declare (GDPR Art. 9 and 10 for the special
 * ones). `none` is an explicit statement that it holds no personal data, so it stands alone.
 */
export const PII_CLASSES = [
  'none', 'contact', 'identifier', 'financial', 'health', 'biometric', 'location', 'special_category', 'children',
] as const;
export type PiiClass = (typeof PII_CLASSES)[number];
export const PII_CLASSES_DESCRIPTION = `Personal-data classes present, one or more of: ${PII_CLASSES.join(', ')} ("none" alone)`;

/** docs/api.md "Scalars, ids and enums": the PII classes a dataset version may declare (strings, not an enum). */
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
];

/** Classes that call for a second look (GDPR art. 9 and children's data). */
export const SENSITIVE_PII = new Set(['health', 'biometric', 'special_category', 'children']);

export const LEAF_KINDS = [
  'audit_event',
  'decision',
  'decision_review',
  'lifecycle_transition',
  'lifecycle_approval',
  'policy_pack_activation',
  'lineage_edge',
  'dataset_version',
  'model_version',
  'automation_version',
  'evidence_document',
] as const;

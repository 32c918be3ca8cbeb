/** Human messages for the unique constraints of the schema (names as PostgreSQL generated them). */
export const CONSTRAINT_MESSAGES: Record<string, string> = {
  tenants_slug_key: 'A tenant with this slug already exists',
  principals_tenant_id_name_key: 'A principal with this name already exists',
  role_bindings_principal_id_role_automation_id_key: 'The principal already holds this role',
  api_keys_prefix_key: 'An API key with this prefix already exists',
  models_tenant_id_name_key: 'A model with this name already exists',
  model_versions_model_id_version_key: 'This model already has a version with this number',
  datasets_tenant_id_name_key: 'A dataset with this name already exists',
  dataset_versions_dataset_id_version_key: 'This dataset already has a version with this number',
  automations_tenant_id_key_key: 'An automation with this key already exists',
  automation_versions_automation_id_version_key: 'This automation already has a version with this number',
  lifecycle_approvals_subject_id_review_round_approver_id_key: 'You have already approved this version in this review',
  decision_reviews_decision_id_key: 'This decision has already been reviewed',
  decision_contests_open: 'This decision is already contested and awaits review',
};

import { registerEnumType } from '@nestjs/graphql';

export const ACTIONS = ['manage', 'read', 'create', 'update', 'transition', 'approve', 'revoke', 'activate', 'review'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Tenant', 'Principal', 'RoleBinding', 'ApiKey', 'Model', 'ModelVersion', 'Dataset', 'DatasetVersion',
  'Automation', 'AutomationVersion', 'AuditEvent', 'PolicyPack', 'Decision', 'IngestJob', 'Ledger', 'Lineage', 'PolicySimulation', 'all',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

export enum Role {
  admin = 'admin',
  model_owner = 'model_owner',
  automation_owner = 'automation_owner',
  compliance_officer = 'compliance_officer',
  auditor = 'auditor',
  service = 'service',
  lineage_producer = 'lineage_producer',
}
export const ROLES = Object.values(Role);
registerEnumType(Role, { name: 'Role', description: 'A role whose rules live in policies/access/' });

export enum PrincipalKind {
  human = 'human',
  service = 'service',
}
registerEnumType(PrincipalKind, { name: 'PrincipalKind' });

/** The placeholders a condition may use, resolved from the acting principal. */
export const PRINCIPAL_PLACEHOLDERS = ['principal.id', 'principal.tenantId', 'principal.automationIds'] as const;

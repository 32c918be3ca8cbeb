import { registerEnumType } from '@nestjs/graphql';

export const ACTIONS = ['manage', 'read', 'create', 'update', 'transition', 'approve', 'revoke', 'activate', 'review', 'assign'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Tenant',
  'Principal',
  'RoleBinding',
  'ApiKey',
  'Model',
  'ModelVersion',
  'Dataset',
  'DatasetVersion',
  'Automation',
  'AutomationVersion',
  'AuditEvent',
  'PolicyPack',
  'Decision',
  'IngestJob',
  'Ledger',
  'Lineage',
  'PolicySimulation',
  'ComplianceOverview',
  'Monitor',
  'ReviewSla',
  'EvidencePack',
  'TechnicalDocumentation',
  'EvidenceDocument',
  'all',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

export enum Role {
  ADMIN = 'admin',
  MODEL_OWNER = 'model_owner',
  AUTOMATION_OWNER = 'automation_owner',
  COMPLIANCE_OFFICER = 'compliance_officer',
  AUDITOR = 'auditor',
  SERVICE = 'service',
  LINEAGE_PRODUCER = 'lineage_producer',
}
export const ROLES = Object.values(Role);
/** As policies/access/roles.yaml describes each role (role-descriptions.spec.ts keeps the two the same). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  [Role.ADMIN]: 'Administers the tenant (principals, roles, API keys) and may do everything in it',
  [Role.MODEL_OWNER]: 'Registers models and datasets and moves the versions of the models they own toward review',
  [Role.AUTOMATION_OWNER]: 'Registers automations and moves the versions of the automations they own toward review',
  [Role.COMPLIANCE_OFFICER]:
    'Reads everything in the tenant, including the audit trail, approves lifecycle transitions and reviews decisions',
  [Role.AUDITOR]: 'Read-only access to the whole tenant, including the audit trail; decisions without their inputs, outputs and context',
  [Role.SERVICE]: 'A machine identity bound to named automations; it sees only those, and records and reads their decisions',
  [Role.LINEAGE_PRODUCER]: 'A data platform (Airflow, Spark, dbt) that sends OpenLineage run events to POST /api/v1/lineage',
};
registerEnumType(Role, {
  name: 'Role',
  description: 'A role whose rules live in policies/access/ (lower case there, in API keys and in JWT claims)',
  valuesMap: Object.fromEntries(Object.entries(Role).map(([key, role]) => [key, { description: ROLE_DESCRIPTIONS[role] }])),
});

export enum PrincipalKind {
  HUMAN = 'human',
  SERVICE = 'service',
}
registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  description: 'Who a principal is: a person or a program',
  valuesMap: {
    HUMAN: { description: 'A person, signing in or using a personal API key' },
    SERVICE: { description: 'A program (an automation, a pipeline) using an API key' },
  },
});

/** The placeholders a condition may use, resolved from the acting principal. */
export const PRINCIPAL_PLACEHOLDERS = ['principal.id', 'principal.tenantId', 'principal.automationIds'] as const;

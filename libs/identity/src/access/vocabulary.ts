import { registerEnumType } from '@nestjs/graphql';

export const ACTIONS = ['manage', 'read', 'create', 'update', 'transition', 'approve', 'revoke', 'activate', 'review'] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Tenant', 'Principal', 'RoleBinding', 'ApiKey', 'Model', 'ModelVersion', 'Dataset', 'DatasetVersion',
  'Automation', 'AutomationVersion', 'AuditEvent', 'PolicyPack', 'Decision', 'IngestJob', 'Ledger', 'Lineage', 'PolicySimulation', 'all',
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
// Value descriptions as in policies/access/roles.yaml (a test keeps them the same).
registerEnumType(Role, {
  name: 'Role',
  description: 'A role whose rules live in policies/access/ (lower case there, in API keys and in JWT claims)',
  valuesMap: {
    ADMIN: { description: 'Administers the tenant (principals, roles, API keys) and may do everything in it' },
    MODEL_OWNER: { description: 'Registers models and datasets and moves the versions of the models they own toward review' },
    AUTOMATION_OWNER: { description: 'Registers automations and moves the versions of the automations they own toward review' },
    COMPLIANCE_OFFICER: { description: 'Reads everything in the tenant, including the audit trail, approves lifecycle transitions and reviews decisions' },
    AUDITOR: { description: 'Read-only access to the whole tenant, including the audit trail; decisions without their inputs, outputs and context' },
    SERVICE: { description: 'A machine identity bound to named automations; it sees only those, and records and reads their decisions' },
    LINEAGE_PRODUCER: { description: 'A data platform (Airflow, Spark, dbt) that sends OpenLineage run events to POST /api/v1/lineage' },
  },
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

import type { Role } from '../../gql/graphql';

/** Every role as the API names it, in the order docs/security.md lists them. */
export const ROLE_OPTIONS: Role[] = [
  'ADMIN',
  'MODEL_OWNER',
  'AUTOMATION_OWNER',
  'COMPLIANCE_OFFICER',
  'AUDITOR',
  'SERVICE',
  'LINEAGE_PRODUCER',
];

/** `COMPLIANCE_OFFICER` → `compliance officer`, as the shell's badges write roles. */
export const roleWords = (role: string) => role.replace(/_/g, ' ').toLowerCase();

import { join } from 'node:path';
import { loadAccessPolicy } from './access-policy';
import { ROLE_DESCRIPTIONS, ROLES } from './vocabulary';

describe('Role descriptions in the GraphQL schema', () => {
  it('are the descriptions policies/access/roles.yaml gives each role, less the full stop', () => {
    const policy = loadAccessPolicy(join(__dirname, '../../../../policies/access'));
    for (const role of ROLES) expect(`${ROLE_DESCRIPTIONS[role]}.`).toBe(policy[role].description);
  });
});

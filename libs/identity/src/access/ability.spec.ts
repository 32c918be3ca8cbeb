import { join } from 'node:path';
import { buildAbility, subjectOf } from './ability.factory';
import { loadAccessPolicy } from './access-policy';
import { accessibleWhere } from './accessible-where';
import { Role } from './vocabulary';

const policy = loadAccessPolicy(join(__dirname, '../../../../policies/access'));
const tenantId = '00000000-0000-4000-8000-000000000001';
const ability = (roles: Role[], id = 'me', automationIds: string[] = []) => buildAbility(policy, { id, tenantId, roles, automationIds });

describe('abilities from policies/access', () => {
  it('lets a model owner transition only the versions of models it owns', () => {
    const owner = ability([Role.MODEL_OWNER]);
    expect(owner.can('transition', subjectOf('ModelVersion', { tenantId, ownerId: 'me' }))).toBe(true);
    expect(owner.can('transition', subjectOf('ModelVersion', { tenantId, ownerId: 'someone-else' }))).toBe(false);
    expect(owner.can('approve', 'ModelVersion')).toBe(false);
  });

  it("confines every grant to the principal's tenant, even for admins", () => {
    const admin = ability([Role.ADMIN]);
    expect(admin.can('update', subjectOf('Model', { tenantId }))).toBe(true);
    expect(admin.can('update', subjectOf('Model', { tenantId: 'another-tenant' }))).toBe(false);
  });

  it('keeps API keys from auditors and compliance officers', () => {
    expect(ability([Role.AUDITOR]).can('read', 'ApiKey')).toBe(false);
    expect(ability([Role.COMPLIANCE_OFFICER]).can('read', 'ApiKey')).toBe(false);
    expect(ability([Role.AUDITOR]).can('read', 'AuditEvent')).toBe(true);
  });

  it('applies field rules: owners see principals without their e-mail', () => {
    const owner = ability([Role.MODEL_OWNER]);
    const principal = subjectOf('Principal', { tenantId, id: 'p' });
    expect(owner.can('read', principal, 'name')).toBe(true);
    expect(owner.can('read', principal, 'email')).toBe(false);
  });

  it('lets a service read only its bound automations', () => {
    const service = ability([Role.SERVICE], 'svc', ['a1']);
    expect(service.can('read', subjectOf('Automation', { tenantId, id: 'a1' }))).toBe(true);
    expect(service.can('read', subjectOf('Automation', { tenantId, id: 'a2' }))).toBe(false);
    expect(service.can('read', 'Model')).toBe(false);
  });
});

describe('accessibleWhere', () => {
  const columns = { id: 'id', tenantId: 'tenant_id', ownerId: 'owner_id', automationId: 'automation_id' };

  it("renders a service's bound automations as SQL with parameters", () => {
    const where = accessibleWhere(ability([Role.SERVICE], 'svc', ['a1', 'a2']), 'read', 'Automation', 'x', columns);
    expect(where.sql).toMatch(/x\.id IN \(:\.\.\.acl_Automation_\d+\)/);
    expect(where.sql).toMatch(/x\.tenant_id = :acl_Automation_\d+/);
    expect(Object.values(where.params)).toEqual(expect.arrayContaining([['a1', 'a2'], tenantId]));
  });

  it("renders a field of a related row as membership of the subject's key, which an index on the key serves", () => {
    const keyed = {
      tenantId: 'tenant_id',
      automationOwnerId: {
        key: 'automation_id',
        keysWhere: (p: (c: string) => string) => `SELECT a.id FROM automations a WHERE ${p('a.owner_id')}`,
      },
    };
    const where = accessibleWhere(ability([Role.AUTOMATION_OWNER], 'owner-1'), 'read', 'Decision', 'd', keyed);
    expect(where.sql).toMatch(/d\.automation_id IN \(SELECT a\.id FROM automations a WHERE a\.owner_id = :acl_Decision_\d+\)/);
    expect(Object.values(where.params)).toContain('owner-1');
  });

  it('is FALSE when no rule grants the action, and fails closed on unmapped fields', () => {
    expect(accessibleWhere(ability([Role.AUDITOR]), 'read', 'ApiKey', 'k', columns).sql).toBe('FALSE');
    expect(() => accessibleWhere(ability([Role.SERVICE], 's', ['a']), 'read', 'Automation', 'x', { tenantId: 'tenant_id' })).toThrow(
      /unmapped field/,
    );
  });
});

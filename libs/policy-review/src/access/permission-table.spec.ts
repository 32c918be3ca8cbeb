import { join } from 'node:path';
import { buildAbility, loadAccessPolicy, ROLES, subjectOf } from '@attest/identity';
import type { Grant } from './grant';
import { grantText } from './grant-text';
import type { Permit } from './permit';
import { CONCRETE_ACTIONS, CONCRETE_SUBJECTS, permissionTable } from './permission-table';
import { COMMITTED_ROLES_YAML, policyFromYaml, rolesYaml } from './testing/access-yaml';

const committedPolicy = policyFromYaml(COMMITTED_ROLES_YAML);
const committed = permissionTable(committedPolicy);
const textOf = (rules: string[]) => {
  const table = permissionTable(policyFromYaml(rolesYaml({ auditor: rules })));
  return (action: (typeof CONCRETE_ACTIONS)[number], subject: (typeof CONCRETE_SUBJECTS)[number]) =>
    grantText(table.auditor[subject][action]);
};

describe('permissionTable', () => {
  it('has a cell for every role, concrete subject and concrete action', () => {
    expect(CONCRETE_ACTIONS).not.toContain('manage');
    expect(CONCRETE_SUBJECTS).not.toContain('all');
    expect(Object.keys(committed.admin)).toEqual(CONCRETE_SUBJECTS);
    expect(Object.keys(committed.admin.Model)).toEqual(CONCRETE_ACTIONS);
  });

  it('expands manage and all to every action on every subject', () => {
    for (const subject of CONCRETE_SUBJECTS) {
      for (const action of CONCRETE_ACTIONS)
        expect(committed.admin[subject][action]).toEqual({ kind: 'always', sources: [committedPolicy.admin!.rules[0].source] });
    }
  });

  it('reads the committed policy as a reviewer would', () => {
    expect(grantText(committed.model_owner.Model.update)).toBe('when {"ownerId":"${principal.id}"}');
    expect(grantText(committed.model_owner.Principal.read)).toBe('fields [id, kind, name]');
    expect(grantText(committed.model_owner.Principal.update)).toBe('none');
    expect(grantText(committed.service.Principal.read)).toBe('when {"id":"${principal.id}"} fields [id, kind, name]');
    expect(grantText(committed.service.Automation.read)).toBe('when {"id":{"$in":"${principal.automationIds}"}}');
    expect(grantText(committed.auditor.Decision.read)).toBe('always except fields [context, input, output]');
    expect(grantText(committed.auditor.Decision.review)).toBe('none');
    expect(grantText(committed.compliance_officer.Decision.review)).toBe('always');
  });

  it('takes an unconditional cannot away entirely, citing the cannot', () => {
    const cannot = committedPolicy.compliance_officer!.rules[1];
    expect(cannot).toMatchObject({ subject: ['ApiKey'], inverted: true });
    expect(committed.compliance_officer.ApiKey.read).toEqual({ kind: 'none', sources: [cannot.source] });
    expect(committed.compliance_officer.AuditEvent.read.kind).toBe('always');
  });

  it('keeps a conditional cannot as an exception', () => {
    const grant = textOf([
      '- action: read',
      '  subject: all',
      '- action: read',
      '  subject: Decision',
      '  conditions: { automationId: x }',
      '  inverted: true',
    ]);
    expect(grant('read', 'Decision')).toBe('always except when {"automationId":"x"}');
  });

  it('subtracts a field cannot from a field-restricted grant, and drops a grant left with no fields', () => {
    const grant = textOf([
      '- action: read',
      '  subject: Principal',
      '  fields: [name, id, email]',
      '- action: read',
      '  subject: Principal',
      '  fields: [email]',
      '  inverted: true',
      '- action: update',
      '  subject: Principal',
      '  fields: [email]',
      '- action: update',
      '  subject: Principal',
      '  fields: [email]',
      '  inverted: true',
    ]);
    expect(grant('read', 'Principal')).toBe('fields [id, name]');
    expect(grant('update', 'Principal')).toBe('none');
  });

  it('takes a cannot on the same conditions out of that grant, and keeps it as an exception to the others', () => {
    const grant = textOf([
      '- action: read',
      '  subject: Model',
      '  conditions: { ownerId: a }',
      '- action: read',
      '  subject: Model',
      '  conditions: { ownerId: a }',
      '  inverted: true',
      '- action: update',
      '  subject: Model',
      '  conditions: { ownerId: a }',
      '- action: update',
      '  subject: Model',
      '  conditions: { ownerId: b }',
      '- action: update',
      '  subject: Model',
      '  conditions: { ownerId: a }',
      '  inverted: true',
    ]);
    expect(grant('read', 'Model')).toBe('none');
    // Conditions are not compared by meaning, so the cannot may still match objects of the other grant.
    expect(grant('update', 'Model')).toBe('when {"ownerId":"b"} except when {"ownerId":"a"}');
  });

  it('ignores a cannot when nothing is granted', () => {
    const table = permissionTable(policyFromYaml(rolesYaml({ auditor: ['- action: read', '  subject: ApiKey', '  inverted: true'] })));
    expect(table.auditor.ApiKey.read).toEqual({ kind: 'none', sources: [] });
  });

  it('gives the same grant however equivalent rules are written', () => {
    const combined = textOf([
      '- action: [read, update]',
      '  subject: Model',
      '  conditions: { ownerId: me, status: draft }',
      '  fields: [name, description]',
    ]);
    const split = textOf([
      '- action: update',
      '  subject: Model',
      '  conditions: { status: draft, ownerId: me }',
      '  fields: [description]',
      '- action: update',
      '  subject: Model',
      '  conditions: { ownerId: me, status: draft }',
      '  fields: [name, name]',
      '- action: read',
      '  subject: [Model]',
      '  conditions: { status: draft, ownerId: me }',
      '  fields: [description, name]',
    ]);
    for (const action of ['read', 'update'] as const) expect(split(action, 'Model')).toBe(combined(action, 'Model'));
    expect(combined('update', 'Model')).toBe('when {"ownerId":"me","status":"draft"} fields [description, name]');
  });

  it('lets an unconditional grant absorb what conditional grants add nothing to', () => {
    const grant = textOf([
      '- action: read',
      '  subject: Model',
      '  conditions: { ownerId: me }',
      '- action: read',
      '  subject: all',
      '- action: read',
      '  subject: Principal',
      '  fields: [id]',
      '- action: read',
      '  subject: Principal',
      '  conditions: { id: me }',
      '  fields: [id, email]',
    ]);
    expect(grant('read', 'Model')).toBe('always');
    expect(grant('read', 'Principal')).toBe('always');
  });

  it('lists several conditional grants in a stable order', () => {
    const rules = (first: string, second: string) => [
      '- action: read',
      '  subject: Model',
      `  conditions: ${first}`,
      '- action: read',
      '  subject: Model',
      `  conditions: ${second}`,
    ];
    const one = textOf(rules('{ ownerId: b }', '{ ownerId: a }'))('read', 'Model');
    expect(one).toBe('when {"ownerId":"a"} or when {"ownerId":"b"}');
    expect(textOf(rules('{ ownerId: a }', '{ ownerId: b }'))('read', 'Model')).toBe(one);
  });
});

describe('permissionTable against CASL', () => {
  // Objects with none of the fields the conditions test, so only unconditional grants can match.
  it('agrees with buildAbility on every cell of the committed policy, field by field', () => {
    const policy = loadAccessPolicy(join(__dirname, '../../../../policies/access'));
    const fields = ['id', 'name', 'input', 'email'];
    for (const role of ROLES) {
      const ability = buildAbility(policy, { id: 'p1', tenantId: 't1', roles: [role], automationIds: ['a1'] });
      for (const subject of CONCRETE_SUBJECTS) {
        for (const action of CONCRETE_ACTIONS) {
          const grant = committed[role][subject][action];
          for (const field of fields) {
            const cell = `${role} ${action} ${subject}.${field}`;
            expect(`${cell}: ${ability.can(action, subjectOf(subject, { tenantId: 't1' }), field)}`).toBe(
              `${cell}: ${unconditionallyAllows(grant, field)}`,
            );
          }
        }
      }
    }
  });
});

function unconditionallyAllows(grant: Grant, field: string): boolean {
  if (grant.kind !== 'limited') return grant.kind === 'always';
  const touches = (p: Permit) => p.conditions === null && (p.fields === null || p.fields.includes(field));
  return grant.allow.some(touches) && !grant.except.some(touches);
}

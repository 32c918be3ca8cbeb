import { join } from 'node:path';
import { loadAccessPolicy, parseAccessFile, type AccessPolicy } from './access-policy';

const parse = (text: string) => {
  const roles: Partial<AccessPolicy> = {};
  const problems: string[] = [];
  parseAccessFile('roles.yaml', text, roles, problems);
  return { roles, problems };
};

describe('access policy loader', () => {
  it('loads the committed policies/access folder with every role', () => {
    const policy = loadAccessPolicy(join(__dirname, '../../../../policies/access'));
    expect(Object.keys(policy).sort()).toEqual([
      'admin',
      'auditor',
      'automation_owner',
      'compliance_officer',
      'lineage_producer',
      'model_owner',
      'service',
    ]);
    expect(policy.admin.rules[0]).toMatchObject({
      action: ['manage'],
      subject: ['all'],
      source: expect.stringMatching(/roles\.yaml:\d+$/),
    });
  });

  it('reports an unknown action with file and line', () => {
    const { problems } = parse('roles:\n  auditor:\n    rules:\n      - action: reed\n        subject: Model\n');
    expect(problems).toEqual([expect.stringMatching(/^roles\.yaml:4: unknown action "reed"/)]);
  });

  it('reports unknown subjects, fields, placeholders and roles', () => {
    const { problems } = parse(
      [
        'roles:',
        '  auditor:',
        '    rules:',
        '      - action: read',
        '        subject: Modle',
        '        colour: red',
        '        conditions: { ownerId: "${principal.email}" }',
        '  superuser:',
        '    rules: []',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^roles\.yaml:4: unknown field "colour"/),
      expect.stringMatching(/^roles\.yaml:4: unknown subject "Modle"/),
      expect.stringMatching(/^roles\.yaml:4: unknown placeholder \$\{principal\.email\}/),
      expect.stringMatching(/^roles\.yaml:8: unknown role "superuser"/),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const { problems } = parse('roles:\n  auditor:\n    rules:\n      - action: [read\n');
    expect(problems[0]).toMatch(/^roles\.yaml:\d+: /);
  });

  it('rejects a role defined twice and a folder missing roles', () => {
    const roles: Partial<AccessPolicy> = {};
    const problems: string[] = [];
    const text = 'roles:\n  auditor:\n    rules:\n      - { action: read, subject: all }\n';
    parseAccessFile('a.yaml', text, roles, problems);
    parseAccessFile('b.yaml', text, roles, problems);
    expect(problems).toEqual(['b.yaml:2: role "auditor" is defined more than once']);
    expect(() => loadAccessPolicy('/nonexistent-attest-folder')).toThrow(/cannot be read/);
  });
});

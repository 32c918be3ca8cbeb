import { ACTIONS, loadAccessPolicy, ROLES, SUBJECTS } from '@attest/identity';
import { join } from 'node:path';
import { diffAccess, summariseAccess, type AccessChange } from './access-diff';
import { COMMITTED_ROLES_YAML as BASE, edited, policyFromYaml } from './testing/access-yaml';

const diff = (head: string, base = BASE) => diffAccess(policyFromYaml(base), policyFromYaml(head));
const cells = (changes: AccessChange[]) => changes.map((c) => `${c.change} ${c.role} ${c.action} ${c.subject}: ${c.before} -> ${c.after}`);
const OWNER = `{ ownerId: '\${principal.id}' }`;
const AUDITOR_LAST_RULE = '        fields: [input, output, context]\n        inverted: true\n';

describe('diffAccess', () => {
  it('finds no change between the committed policy and itself', () => {
    const policy = loadAccessPolicy(join(__dirname, '../../../../policies/access'));
    expect(diffAccess(policy, policy)).toEqual([]);
    expect(diff(BASE)).toEqual([]);
  });

  it('finds no change when rules are only rewritten', () => {
    const head = edited(
      BASE,
      `      - action: [update, create]\n        subject: [Dataset, DatasetVersion]\n`,
      `      - action: [create, update, create]\n        subject: [DatasetVersion, Dataset]\n`,
    );
    expect(diff(head)).toEqual([]);
  });

  it('shows an action a role gains, citing the new rule', () => {
    const head = edited(BASE, AUDITOR_LAST_RULE, `${AUDITOR_LAST_RULE}      - action: review\n        subject: Decision\n`);
    const changes = diff(head);
    expect(cells(changes)).toEqual(['gained auditor review Decision: none -> always']);
    expect(changes[0].sources).toEqual([policyFromYaml(head).auditor!.rules.at(-1)!.source]);
  });

  it('shows an action a role loses, citing the base rule that gave it', () => {
    const removed = '      - action: review\n        subject: Decision\n';
    const changes = diff(edited(BASE, removed, ''));
    expect(cells(changes)).toEqual(['lost compliance_officer review Decision: always -> none']);
    expect(changes[0].sources).toEqual([policyFromYaml(BASE).compliance_officer!.rules.find((r) => r.action.includes('review'))!.source]);
  });

  it('calls a removed condition widened', () => {
    const rule = `      - action: [update, transition]\n        subject: Model\n`;
    const changes = diff(edited(BASE, `${rule}        conditions: ${OWNER}\n`, rule));
    expect(cells(changes)).toEqual([
      'widened model_owner update Model: when {"ownerId":"${principal.id}"} -> always',
      'widened model_owner transition Model: when {"ownerId":"${principal.id}"} -> always',
    ]);
  });

  it('calls an added condition narrowed', () => {
    const rule = `      - action: create\n        subject: Automation\n`;
    expect(cells(diff(edited(BASE, rule, `${rule}        conditions: ${OWNER}\n`)))).toEqual([
      'narrowed automation_owner create Automation: always -> when {"ownerId":"${principal.id}"}',
    ]);
  });

  it('calls a different condition changed', () => {
    const rule = `      - action: [create, transition]\n        subject: ModelVersion\n        conditions: `;
    expect(cells(diff(edited(BASE, `${rule}${OWNER}`, `${rule}{ createdBy: '\${principal.id}' }`)))).toEqual([
      'changed model_owner create ModelVersion: when {"ownerId":"${principal.id}"} -> when {"createdBy":"${principal.id}"}',
      'changed model_owner transition ModelVersion: when {"ownerId":"${principal.id}"} -> when {"createdBy":"${principal.id}"}',
    ]);
  });

  it('calls restricted fields narrowed and lifted ones widened', () => {
    const review = '      - action: review\n        subject: Decision\n';
    expect(cells(diff(edited(BASE, review, `${review}        fields: [outcome, comment]\n`)))).toEqual([
      'narrowed compliance_officer review Decision: always -> fields [comment, outcome]',
    ]);
    const own = `        conditions: { id: '\${principal.id}' }\n`;
    expect(cells(diff(edited(BASE, `${own}        fields: [id, kind, name]\n`, own)))).toEqual([
      'widened service read Principal: when {"id":"${principal.id}"} fields [id, kind, name] -> when {"id":"${principal.id}"}',
    ]);
  });

  it('expands manage and all, so one admin rule changes many cells', () => {
    const readOnly = diff(edited(BASE, '      - action: manage\n', '      - action: read\n'));
    expect(readOnly).toHaveLength((SUBJECTS.length - 1) * (ACTIONS.length - 2));
    expect(readOnly.every((c) => c.role === 'admin' && c.change === 'lost' && c.action !== 'read')).toBe(true);

    const modelsOnly = diff(
      edited(BASE, '      - action: manage\n        subject: all\n', '      - action: manage\n        subject: Model\n'),
    );
    expect(modelsOnly).toHaveLength((SUBJECTS.length - 2) * (ACTIONS.length - 1));
    expect(modelsOnly.some((c) => c.subject === 'Model')).toBe(false);
  });

  it('shows what a new cannot takes away, citing it', () => {
    const head = edited(
      BASE,
      AUDITOR_LAST_RULE,
      `${AUDITOR_LAST_RULE}      - action: read\n        subject: AuditEvent\n        inverted: true\n`,
    );
    const changes = diff(head);
    expect(cells(changes)).toEqual(['lost auditor read AuditEvent: always -> none']);
    expect(changes[0].sources).toEqual([policyFromYaml(head).auditor!.rules.at(-1)!.source]);
  });

  it('calls a new conditional cannot narrowed and a removed cannot gained', () => {
    const conditional = `${AUDITOR_LAST_RULE}      - action: read\n        subject: Decision\n        conditions: { automationId: secret }\n        inverted: true\n`;
    expect(cells(diff(edited(BASE, AUDITOR_LAST_RULE, conditional)))).toEqual([
      'narrowed auditor read Decision: always except fields [context, input, output] -> always except fields [context, input, output] or when {"automationId":"secret"}',
    ]);
    const withoutApiKeyCannot = edited(
      BASE,
      '      - action: read\n        subject: ApiKey\n        inverted: true\n      - action: read\n        subject: Decision\n',
      '      - action: read\n        subject: Decision\n',
    );
    expect(cells(diff(withoutApiKeyCannot))).toEqual(['gained auditor read ApiKey: none -> always']);
  });

  it('shows every grant of a role added or removed entirely', () => {
    const withoutLineage = BASE.slice(0, BASE.indexOf('\n  lineage_producer:') + 1);
    expect(policyFromYaml(withoutLineage).lineage_producer).toBeUndefined();
    expect(cells(diff(BASE, withoutLineage))).toEqual([
      'gained lineage_producer read Tenant: none -> always',
      'gained lineage_producer create Lineage: none -> always',
    ]);
    expect(cells(diff(withoutLineage))).toEqual([
      'lost lineage_producer read Tenant: always -> none',
      'lost lineage_producer create Lineage: always -> none',
    ]);
  });

  it('orders changes by role, subject and action, whatever the order of the edits', () => {
    let head = edited(BASE, '      - action: manage\n', '      - action: [read, review]\n');
    head = edited(
      head,
      AUDITOR_LAST_RULE,
      `${AUDITOR_LAST_RULE}      - action: [review, approve]\n        subject: [Decision, ModelVersion]\n`,
    );
    head = edited(
      head,
      '      - action: create\n        subject: Lineage\n',
      '      - action: [create, read]\n        subject: [Lineage, Tenant]\n',
    );
    const changes = diff(head);
    const rank = (c: AccessChange) => [ROLES.indexOf(c.role), SUBJECTS.indexOf(c.subject), ACTIONS.indexOf(c.action)];
    const sorted = [...changes].sort((a, b) => rank(a).reduce((d, r, i) => d || r - rank(b)[i], 0));
    expect(new Set(changes.map((c) => c.role))).toEqual(new Set(['admin', 'auditor', 'lineage_producer']));
    expect(changes).toEqual(sorted);
    expect(diff(head)).toEqual(changes);
  });
});

describe('summariseAccess', () => {
  it('counts the changes of each kind per role, in role order', () => {
    let head = edited(BASE, AUDITOR_LAST_RULE, `${AUDITOR_LAST_RULE}      - action: review\n        subject: Decision\n`);
    head = edited(
      head,
      `      - action: create\n        subject: Automation\n`,
      `      - action: create\n        subject: Automation\n        conditions: ${OWNER}\n`,
    );
    head = edited(
      head,
      `      - action: [update, transition]\n        subject: Model\n        conditions: ${OWNER}\n`,
      '      - action: update\n        subject: Model\n',
    );
    expect(summariseAccess(diff(head))).toEqual([
      { role: 'model_owner', gained: 0, lost: 1, widened: 1, narrowed: 0, changed: 0 },
      { role: 'automation_owner', gained: 0, lost: 0, widened: 0, narrowed: 1, changed: 0 },
      { role: 'auditor', gained: 1, lost: 0, widened: 0, narrowed: 0, changed: 0 },
    ]);
    expect(summariseAccess([])).toEqual([]);
  });
});

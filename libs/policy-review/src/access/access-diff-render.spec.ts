import { Role } from '@attest/identity';
import type { AccessChange } from './access-diff';
import { accessDiffMarkdown, accessDiffText } from './access-diff-render';

const changes: AccessChange[] = [
  {
    role: Role.AUDITOR,
    action: 'review',
    subject: 'Decision',
    before: 'none',
    after: 'always',
    change: 'gained',
    sources: ['roles.yaml:90'],
  },
  {
    role: Role.SERVICE,
    action: 'read',
    subject: 'Automation',
    before: 'when {"id":{"$in":"${principal.automationIds}"}}',
    after: 'when {"name":"a|b"}',
    change: 'changed',
    sources: ['roles.yaml:101'],
  },
];

describe('accessDiffMarkdown', () => {
  it('writes one table row per change, the change in bold and pipes escaped', () => {
    expect(accessDiffMarkdown(changes)).toBe(
      [
        '| Change | Role | Action | Subject | Before | After |',
        '| --- | --- | --- | --- | --- | --- |',
        '| **gained** | auditor | review | Decision | none | always |',
        '| **changed** | service | read | Automation | when {"id":{"$in":"${principal.automationIds}"}} | when {"name":"a\\|b"} |',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(accessDiffMarkdown([])).toBe('No access rule changes.');
  });
});

describe('accessDiffText', () => {
  it('aligns the columns', () => {
    const lines = accessDiffText(changes).split('\n');
    expect(lines).toEqual([
      'CHANGE   ROLE     ACTION  SUBJECT     BEFORE                                            AFTER',
      'gained   auditor  review  Decision    none                                              always',
      'changed  service  read    Automation  when {"id":{"$in":"${principal.automationIds}"}}  when {"name":"a|b"}',
    ]);
    expect(new Set([lines[0].indexOf('AFTER'), lines[1].indexOf('always'), lines[2].indexOf('when {"name"')]).size).toBe(1);
  });

  it('says so when nothing changed', () => {
    expect(accessDiffText([])).toBe('No access rule changes.');
  });
});

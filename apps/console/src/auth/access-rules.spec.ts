import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { buildCan, type AccessPolicyDocument } from './access-rules';

// The real rules the server enforces: the console's answers must follow them, not a copy.
const policy = parse(readFileSync(resolve(__dirname, '../../../../policies/access/roles.yaml'), 'utf8')) as AccessPolicyDocument;

describe('console access rules (what to hide, mirrored from policies/access)', () => {
  it('lets a compliance officer approve versions and review decisions, but not read API keys', () => {
    const can = buildCan(policy, ['COMPLIANCE_OFFICER']);
    expect(can('approve', 'ModelVersion')).toBe(true);
    expect(can('review', 'Decision')).toBe(true);
    expect(can('read', 'AuditEvent')).toBe(true);
    expect(can('read', 'ApiKey')).toBe(false);
  });

  it('keeps an auditor read-only', () => {
    const can = buildCan(policy, ['AUDITOR']);
    expect(can('read', 'Decision')).toBe(true);
    expect(can('approve', 'ModelVersion')).toBe(false);
    expect(can('review', 'Decision')).toBe(false);
  });

  it('answers yes to a conditional grant (their own versions) and no to what the role never has', () => {
    const can = buildCan(policy, ['MODEL_OWNER']);
    expect(can('transition', 'ModelVersion')).toBe(true);
    expect(can('approve', 'ModelVersion')).toBe(false);
    expect(can('read', 'AuditEvent')).toBe(false);
  });

  it('gives an admin everything and a principal without roles nothing', () => {
    expect(buildCan(policy, ['ADMIN'])('activate', 'PolicyPack')).toBe(true);
    expect(buildCan(policy, [])('read', 'Decision')).toBe(false);
    expect(buildCan(policy, ['NOT_A_ROLE'])('read', 'Decision')).toBe(false);
  });
});

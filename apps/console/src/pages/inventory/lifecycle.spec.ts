import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { buildCan, type AccessPolicyDocument } from '../../auth/access-rules';
import { LIFECYCLE_STATUSES, movesFrom } from './lifecycle';

const policy = parse(readFileSync(resolve(__dirname, '../../../../../policies/access/roles.yaml'), 'utf8')) as AccessPolicyDocument;
const offered = (roles: string[], status: (typeof LIFECYCLE_STATUSES)[number]) => {
  const can = buildCan(policy, roles);
  return movesFrom(status)
    .filter((m) => can(m.ability, 'ModelVersion'))
    .map((m) => m.to);
};

describe('lifecycle actions offered on a version page', () => {
  it('offers a model owner every move of their versions but approval', () => {
    expect(offered(['MODEL_OWNER'], 'DRAFT')).toEqual(['IN_REVIEW', 'RETIRED']);
    expect(offered(['MODEL_OWNER'], 'IN_REVIEW')).toEqual(['DRAFT']);
    expect(offered(['MODEL_OWNER'], 'APPROVED')).toEqual(['DEPLOYED', 'DEPRECATED']);
  });

  it('offers a compliance officer approval only, and an auditor nothing', () => {
    for (const status of LIFECYCLE_STATUSES) {
      expect(offered(['COMPLIANCE_OFFICER'], status)).toEqual(status === 'IN_REVIEW' ? ['APPROVED'] : []);
      expect(offered(['AUDITOR'], status)).toEqual([]);
    }
  });

  it('offers an admin every move, and nothing out of retired', () => {
    expect(offered(['ADMIN'], 'IN_REVIEW')).toEqual(['APPROVED', 'DRAFT']);
    expect(offered(['ADMIN'], 'DEPRECATED')).toEqual(['DEPLOYED', 'RETIRED']);
    expect(offered(['ADMIN'], 'RETIRED')).toEqual([]);
  });
});

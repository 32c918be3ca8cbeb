import type { Grant } from './grant';
import { grantIncludes } from './grant-inclusion';
import type { Permit } from './permit';

const permit = (conditions: string | null, fields: string[] | null): Permit => ({ conditions, fields, sources: [] });
const limited = (allow: Permit[], except: Permit[] = []): Grant => ({ kind: 'limited', allow, except, sources: [] });
const none: Grant = { kind: 'none', sources: [] };
const always: Grant = { kind: 'always', sources: [] };

describe('grantIncludes', () => {
  it('puts none below and always above everything', () => {
    const owned = limited([permit('{"ownerId":"me"}', null)]);
    expect(grantIncludes(owned, none)).toBe(true);
    expect(grantIncludes(always, owned)).toBe(true);
    expect(grantIncludes(owned, always)).toBe(false);
  });

  it('includes a grant with more conditions or fewer fields only when they are visibly contained', () => {
    expect(grantIncludes(limited([permit(null, ['a', 'b'])]), limited([permit(null, ['a'])]))).toBe(true);
    expect(grantIncludes(limited([permit(null, ['a'])]), limited([permit(null, ['a', 'b'])]))).toBe(false);
    expect(grantIncludes(limited([permit('{"x":1}', null)]), limited([permit('{"x":1}', ['a'])]))).toBe(true);
    expect(grantIncludes(limited([permit('{"x":1}', null)]), limited([permit('{"x":2}', null)]))).toBe(false);
  });

  it('counts an exception against the wider grant unless the narrower has it too or does not reach its fields', () => {
    const exceptInput = limited([permit(null, null)], [permit(null, ['input'])]);
    expect(grantIncludes(exceptInput, limited([permit(null, null)], [permit(null, ['input', 'output'])]))).toBe(true);
    expect(grantIncludes(exceptInput, limited([permit(null, ['name'])]))).toBe(true);
    expect(grantIncludes(exceptInput, limited([permit(null, ['input'])]))).toBe(false);
    expect(grantIncludes(exceptInput, always)).toBe(false);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyPack, PolicyPackError } from '@attest/policy';
import { packFromFiles } from './candidate-pack';

const DEFAULT_PACK = join(__dirname, '../../../../policies/default');
const files = () =>
  readdirSync(DEFAULT_PACK)
    .filter((f) => f.endsWith('.yaml'))
    .map((name) => ({ name, content: readFileSync(join(DEFAULT_PACK, name), 'utf8') }));

describe('a candidate pack sent as files', () => {
  it('is the same pack, digest included, as the folder it was read from', () => {
    const pack = packFromFiles('default', files());
    expect(pack.digest).toBe(loadPolicyPack(DEFAULT_PACK).digest);
    expect(pack.sources['no-self-approval']).toMatch(/^no-self-approval\.yaml:\d+$/);
  });

  it('lists every problem, with file and line: bad names, invalid policies, ids in the wrong file, none at all', () => {
    const problemsOf = (input: { name: string; content: string }[]) => {
      try {
        packFromFiles('x', input);
      } catch (error) {
        if (error instanceof PolicyPackError) return error.problems;
        throw error;
      }
      throw new Error('accepted');
    };
    const [one] = files();
    expect(
      problemsOf([
        { name: 'Not A Name.yaml', content: one.content },
        { name: 'other.yaml', content: one.content },
      ]),
    ).toEqual([
      'Not A Name.yaml: a policy file is named <policy id>.yaml',
      expect.stringMatching(/^other\.yaml:\d+: id: ".*" must live in .*\.yaml$/),
    ]);
    expect(problemsOf([{ name: 'broken.yaml', content: 'id: broken\nversion: one\n' }])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^broken\.yaml:2: version: /)]),
    );
    expect(problemsOf([])).toEqual(['the pack has no policy files']);
  });
});

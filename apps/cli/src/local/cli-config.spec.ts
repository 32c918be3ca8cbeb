import { join, resolve } from 'node:path';
import { loadCliConfig } from './cli-config';

const REPO = resolve(__dirname, '../../../..');

describe('loadCliConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    jest.restoreAllMocks();
  });

  it('takes the default data and policies folders from the repository, whatever the current folder', () => {
    delete process.env.ATTEST_DATA_DIR;
    delete process.env.ATTEST_POLICIES_DIR;
    jest.spyOn(process, 'cwd').mockReturnValue('/tmp');
    expect(loadCliConfig()).toMatchObject({ dataDir: join(REPO, '.attest/data'), policiesDir: join(REPO, 'policies') });
  });

  it('takes a relative ATTEST_DATA_DIR from the current folder, as a shell user means it', () => {
    process.env.ATTEST_DATA_DIR = 'here/data';
    jest.spyOn(process, 'cwd').mockReturnValue('/srv/attest');
    expect(loadCliConfig().dataDir).toBe('/srv/attest/here/data');
  });
});

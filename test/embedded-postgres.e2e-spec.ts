import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmbeddedPostgres } from '@attest/core';
import { withClient } from './support/test-database';

describe('embedded PostgreSQL', () => {
  const dirs: string[] = [];
  const newDir = async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'attest-embedded-')), 'data');
    await chmod(dirname(dir), 0o711);
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dirname(dir), { recursive: true, force: true });
  });

  it('keeps data across restarts and recovers from a stale postmaster.pid', async () => {
    const dir = await newDir();
    const first = await startEmbeddedPostgres(dir);
    await withClient(first.url, (c) => c.query(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')`));
    await first.stop();

    // What a crash leaves behind: a pid file naming a process that no longer exists.
    await writeFile(join(dir, 'pg', 'postmaster.pid'), '999999\n/tmp\n');
    const second = await startEmbeddedPostgres(dir);
    try {
      const { rows } = await withClient(second.url, (c) => c.query('SELECT v FROM kept'));
      expect(rows).toEqual([{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it("starts although a stale postmaster.pid names PID 1 (a container's init, alive and unrelated)", async () => {
    const dir = await newDir();
    await (await startEmbeddedPostgres(dir)).stop();
    await writeFile(join(dir, 'pg', 'postmaster.pid'), '1\n/tmp\n');
    const warnings: string[] = [];
    const server = await startEmbeddedPostgres(dir, { debug: () => undefined, warn: (m) => warnings.push(m) });
    try {
      expect(warnings).toEqual([`removed a stale ${join(dir, 'pg', 'postmaster.pid')}: process 1 is not this folder's PostgreSQL`]);
      await withClient(server.url, (c) => c.query('SELECT 1'));
    } finally {
      await server.stop();
    }
  });

  it('runs two instances with different data folders side by side, never on 5432', async () => {
    const [one, two] = await Promise.all([startEmbeddedPostgres(await newDir()), startEmbeddedPostgres(await newDir())]);
    try {
      const ports = [one.url, two.url].map((u) => new URL(u).port);
      expect(new Set(ports).size).toBe(2);
      expect(ports).not.toContain('5432');
      for (const server of [one, two]) {
        const { rows } = await withClient(server.url, (c) => c.query('SELECT current_setting($1) AS v', ['server_version_num']));
        expect(Number(rows[0].v)).toBeGreaterThanOrEqual(150000);
      }
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});

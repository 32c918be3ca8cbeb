import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { csvObjects } from './support/csv';
import { automationFixture, decisionInput, type AutomationFixture } from './support/decision-fixtures';
import { ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';

// A large decisions export (5,000 rows) is streamed: chunked, read from the database a batch at a
// time, held back while the client does not read (backpressure), and audited as incomplete when the
// client goes away. Also run on the embedded default.

const ROWS = 5_000;
// About 4 KB a row, 20 MB in all: more than the sockets' buffers hold, so a client that does not
// read holds the server back whatever the kernel's buffer sizes (a small file fits in them whole).
const BULKY_OUTPUT = { route: 'fast-track', note: 'n'.repeat(4000) };
const BULK = 'mutation($i: RecordDecisionsInput!) { recordDecisions(input: $i) { counts { recorded failed } } }';

describe('GET /api/v1/decisions.csv streams a large export', () => {
  let t: TestApp;
  let f: AutomationFixture;
  let officer: { id: string; key: string };
  let port: number;

  /** Starts a download and hands back the response unread (paused). */
  const download = (query: string): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        { port, path: `/api/v1/decisions.csv?${query}`, headers: { authorization: `Bearer ${officer.key}` } },
        (res) => {
          res.pause();
          resolve(res);
        },
      );
      req.on('error', reject);
      req.end();
    });
  const exportsAudited = async (action: string) =>
    ok(
      await t.gql(
        t.adminKey,
        'query($a: String!) { auditEvents(filter: { action: $a }, first: 100) { edges { node { subjectId after } } } }',
        {
          a: action,
        },
      ),
    ).auditEvents.edges.map((e: any) => e.node);
  const finishedExports = () => exportsAudited('export.finished');
  const startedExports = () => exportsAudited('export.started');

  beforeAll(async () => {
    t = await startTestApp({ ATTEST_RATE_LIMIT_EXPORTS_PER_MINUTE: '1000' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    officer = await principalWithRole(t, 'compliance_officer');
    f = await automationFixture(t);
    for (let i = 0; i < ROWS; i += 1000) {
      const decisions = Array.from({ length: 1000 }, (_, j) => decisionInput(f, { correlationId: `bulk-${i + j}`, output: BULKY_OUTPUT }));
      expect(ok(await t.gql(f.service.key, BULK, { i: { decisions } })).recordDecisions.counts).toEqual({ recorded: 1000, failed: 0 });
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('sends every row, chunked, as the decisions query orders them', async () => {
    const res = await download(`automationId=${f.automationId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    let chunks = 0;
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => ((chunks += 1), (text += chunk)));
    res.resume();
    await new Promise((resolve) => res.on('end', resolve));
    const rows = csvObjects(text);
    expect(rows).toHaveLength(ROWS);
    expect(chunks).toBeGreaterThan(1);
    const firstPage = ok(
      await t.gql(officer.key, 'query($a: ID!) { decisions(filter: { automationId: $a }, first: 100) { edges { node { id } } } }', {
        a: f.automationId,
      }),
    ).decisions.edges.map((e: any) => e.node.id);
    expect(rows.slice(0, 100).map((r) => r.id)).toEqual(firstPage);
    expect(new Set(rows.map((r) => r.id)).size).toBe(ROWS);
  });

  it('waits for a client that does not read, and records an export the client abandoned as incomplete', async () => {
    // The previous test's export is audited as finished after its last row left: wait for it first.
    const before = await until(
      async () => {
        const [started, finished] = [(await startedExports()).length, (await finishedExports()).length];
        return started === finished && finished;
      },
      'the earlier exports to be recorded as finished',
      60_000,
    );
    const res = await download(`automationId=${f.automationId}`);
    // Paused: the server fills the socket and waits for it to drain instead of reading on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await finishedExports()).length).toBe(before);
    res.destroy();
    const finished = await until(async () => {
      const all = await finishedExports();
      return all.length > before ? all[0] : undefined;
    }, 'the abandoned export to be recorded');
    expect(finished.after).toMatchObject({ of: 'decisions', complete: false });
    expect(finished.after.rowCount).toBeLessThan(ROWS);
  });
});

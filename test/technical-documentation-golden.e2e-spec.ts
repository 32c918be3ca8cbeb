import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { seedDemo, type DemoTenant } from '../apps/cli/src/demo/demo-seed';
import { loadPolicyPack } from '@attest/policy';
import { DECISION_EVIDENCE, packFiles } from './support/evidence-packs';
import { sealAll } from './support/ledger';
import { pdfText } from './support/pdf';
import { createTenant, ok, REPO_ROOT, startTestApp, type TestApp } from './support/test-app';

const GOLDEN_DIR = join(REPO_ROOT, 'test/golden/evidence');
/** The default pack's digest stays in the goldens: it is the same in every run, and a change to it is a change to review. */
const PACK_DIGEST = loadPolicyPack(join(REPO_ROOT, 'policies/default')).digest;
/** The rendered pages docs/evidence.md shows, rewritten with the golden text. */
const PAGES_DIR = join(REPO_ROOT, 'docs/evidence');

/**
 * What varies from run to run and nothing else: ids (UUIDs) and times of the seeding. Runs of spaces
 * (pdftotext's layout of columns) are shortened to two, so a column moving by a character is not a change.
 */
function normalised(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/g, '<time>')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Compares with test/golden/evidence/<name>; UPDATE_GOLDEN=1 rewrites it (and the pages' PNGs) for review in the diff. */
function expectGolden(
  name: string,
  pdf: Buffer,
  pages: number,
  normalise: (pdf: Buffer) => string = (bytes) => normalised(pdfText(bytes)),
): void {
  const actual = normalise(pdf);
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    renderPages(name.replace(/\.txt$/, ''), pdf, pages);
    return;
  }
  const golden = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (golden !== actual)
    throw new Error(
      `${relative(REPO_ROOT, file)} ${golden === undefined ? 'does not exist' : 'differs'}: if intended, run ` +
        `UPDATE_GOLDEN=1 npx jest test/technical-documentation-golden and review the diff\n\n${actual}`,
    );
}

function renderPages(base: string, pdf: Buffer, pages: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'attest-pages-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', String(pages), join(dir, 'doc.pdf'), join(dir, 'page')]);
    mkdirSync(PAGES_DIR, { recursive: true });
    for (const [i, png] of readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .entries()) {
      renameSync(join(dir, png), join(PAGES_DIR, `${base}-page-${i + 1}.png`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GENERATE = `mutation($i: TechnicalDocumentationInput!) { generateTechnicalDocumentation(input: $i) {
  file { contentBase64 } completeness { score gaps { section missing } } } }`;

describe('documents of the demo tenant (golden text of the PDFs)', () => {
  let t: TestApp;
  let demo: DemoTenant;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await createTenant(t, 'demo');
    demo = await seedDemo(async (key, query, variables) => ok(await t.gql(key, query, variables)), tenant.adminKey);
    officer = demo.keys.compliance_officer;
  });
  afterAll(() => t?.close());

  it("documents claims-triage's deployed version in the structure of Annex IV, naming its gaps", async () => {
    const automation = ok(await t.gql(officer, '{ automationByKey(key: "claims-triage") { versions { id status } } }')).automationByKey;
    const deployed = automation.versions.find((v: { status: string }) => v.status === 'DEPLOYED');
    const generated = ok(
      await t.gql(officer, GENERATE, { i: { automationVersionId: deployed.id, format: 'PDF' } }),
    ).generateTechnicalDocumentation;
    expectGolden('annex-iv-claims-triage.txt', Buffer.from(generated.file.contentBase64, 'base64'), 2);
    expect(generated.completeness.gaps.map((g: { section: string }) => g.section)).toContain(
      '7. Post-market monitoring plan (Annex IV, point 9; Art. 72)',
    );
  });

  it('gives the model card of claim-severity 1.0.0', async () => {
    const models = ok(await t.gql(officer, '{ models { edges { node { name versions { id version } } } } }')).models.edges;
    const severity = models.find((e: { node: { name: string } }) => e.node.name === 'claim-severity').node;
    const version = severity.versions.find((v: { version: string }) => v.version === '1.0.0');
    const card = ok(
      await t.gql(officer, 'mutation($i: ModelCardInput!) { generateModelCard(input: $i) { file { contentBase64 } } }', {
        i: { modelVersionId: version.id, format: 'PDF' },
      }),
    ).generateModelCard;
    expectGolden('model-card-claim-severity.txt', Buffer.from(card.file.contentBase64, 'base64'), 1);
  });

  describe('evidence pack summaries', () => {
    const summaryOf = (file: { contentBase64: string }) => packFiles(Buffer.from(file.contentBase64, 'base64')).get('summary.pdf')!;
    beforeAll(() => sealAll(t));

    it("summarises the evidence pack of the claim the demo's compliance officer overrode", async () => {
      const claim = ok(await t.gql(officer, '{ decisions(first: 1, filter: { correlationId: "CLM-1005" }) { edges { node { id } } } }'))
        .decisions.edges[0].node.id;
      const file = ok(await t.gql(officer, DECISION_EVIDENCE, { id: claim })).decisionEvidence;
      expectGolden('decision-pack-claim-1005.txt', summaryOf(file), 2, packNormalised);
    });

    it('summarises the evidence pack of claim-severity 1.0.0', async () => {
      const models = ok(await t.gql(officer, '{ models { edges { node { name versions { id version } } } } }')).models.edges;
      const severity = models.find((e: { node: { name: string } }) => e.node.name === 'claim-severity').node;
      const version = severity.versions.find((v: { version: string }) => v.version === '1.0.0');
      const file = ok(
        await t.gql(officer, 'mutation($id: ID!) { modelVersionEvidence(modelVersionId: $id) { contentBase64 } }', { id: version.id }),
      ).modelVersionEvidence;
      // Not a golden: its tables' layout varies with the ids' widths; the pages are rendered with the goldens.
      expectPhrases(
        summaryOf(file),
        ['claim-severity', 'Lifecycle', 'Gate evaluations', 'Ledger proofs'],
        'model-version-pack-claim-severity',
      );
    });

    it("summarises the evidence pack of claims-triage's audit period", async () => {
      const automation = ok(await t.gql(officer, '{ automationByKey(key: "claims-triage") { id } }')).automationByKey;
      const to = new Date(Date.now() + 60_000).toISOString();
      const from = new Date(Date.now() - 24 * 3600_000).toISOString();
      const file = ok(
        await t.gql(
          officer,
          'mutation($a: ID, $f: DateTime!, $t: DateTime!) { auditPeriodEvidence(automationId: $a, from: $f, to: $t) { contentBase64 } }',
          {
            a: automation.id,
            f: from,
            t: to,
          },
        ),
      ).auditPeriodEvidence;
      // Not a golden: the demo samples decisions for review by their ids, so the policies that fired vary by run.
      expectPhrases(
        summaryOf(file),
        ['Policies that fired', 'Blocked attempts', 'Audit trail', 'Ledger proofs'],
        'audit-period-pack-claims-triage',
      );
    });
  });
});

/** The phrases a summary must hold; with UPDATE_GOLDEN=1 its first page is rendered for docs/evidence.md. */
function expectPhrases(pdf: Buffer, phrases: string[], pages: string): void {
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  for (const phrase of phrases) expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
  if (process.env.UPDATE_GOLDEN === '1') renderPages(pages, pdf, 1);
}

/**
 * A pack's summary names ids, digests and leaf indexes that depend on the run, and tables wrap them
 * wherever their glyphs' widths fall: the text is read in content order (pdftotext -raw), every run
 * of hexadecimal fragments (ids, digests, key ids, wrapped or not) becomes <hex>, numbers of leaves
 * become <n>, and the text is compared a sentence a line, whitespace collapsed. The default pack's
 * digest stays: it is the same in every run.
 */
function packNormalised(pdf: Buffer): string {
  const raw = execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8' });
  return (
    raw
      .replaceAll(PACK_DIGEST, '<default pack digest>')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/g, '<time>')
      .replace(/\s+/g, ' ')
      // A line wrapped after a hyphen (a path, an id) reads the same wherever it wrapped.
      .replace(/(?<=\S)- (?=\S)/g, '-')
      .replace(/(?<![\w.])(?=[0-9a-f-]*\d)[0-9a-f][0-9a-f-]{3,}(?: (?=[0-9a-f-]*\d)[0-9a-f-]{2,}(?![\w.]))*/g, '<hex>')
      .replace(/a tree of \d+ leaves/g, 'a tree of <n> leaves')
      .replace(
        /(^|\s)\d+ (?=(decision|decision_review|audit_event|model_version|automation_version|dataset_version|policy_pack_activation|lifecycle_transition|lifecycle_approval) )/g,
        '$1<leaf> ',
      )
      .replace(/([.:]) /g, '$1\n')
      .trim()
      .concat('\n')
  );
}

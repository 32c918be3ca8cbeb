import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { automationFixture, decisionInput, RECORD, type AutomationFixture } from './support/decision-fixtures';
import { errorCode, ok, principalWithRole, startTestApp, type TestApp } from './support/test-app';

const DECISION_FIELDS = `decisionId automation madeAt outcome summary partlyWithheld howToContest reviewSummary reasoning
  factors { feature weight direction value text }
  policies { id version effect text }
  policyVersion { name digest activatedAt text }
  reviews { verdict rationale answersContest text }
  contests { status result text }
  sections { heading paragraphs }`;
const EXPLAIN = `query($s: String!, $d: ID, $l: String) { subjectExplanation(subjectRef: $s, decisionId: $d, locale: $l) {
  locale generatedAt title intro truncated decisions { ${DECISION_FIELDS} } } }`;
const DOCUMENTS = `query($s: String!, $d: ID) { subjectExplanation(subjectRef: $s, decisionId: $d) {
  html { fileName mediaType sha256 byteSize contentBase64 } pdf { fileName mediaType sha256 byteSize contentBase64 } } }`;
const FOR_SUBJECT = `query($s: String!) { decisionsForSubject(subjectRef: $s, first: 10) { edges { node { id } } } }`;
const SUBJECT_EVENTS = `{ auditEvents(filter: { subjectType: "Subject" }, first: 100) { edges { node { action actorId subjectId after } } } }`;
const CONTEST = `mutation($d: ID!, $r: String!, $c: String) { contestDecision(decisionId: $d, reason: $r, contact: $c) { id } }`;
const REVIEW = `mutation($id: ID!, $o: JSON) { reviewDecision(id: $id, verdict: OVERRIDE, rationale: "The repair estimate was checked by hand", correctedOutput: $o) { id } }`;

const GOLDEN_DIR = join(__dirname, 'golden/subjects');
const PAGES_DIR = join(__dirname, '../docs/evidence');

/** A decision about a person with every kind of explanation step, a note naming them, and a value that is personal data. */
const TRACE = [
  { featureAttribution: { feature: 'claim_amount', value: 1200, weight: 0.42 } },
  { featureAttribution: { feature: 'policy_tenure_years', value: 2, weight: -0.31 } },
  { featureAttribution: { feature: 'contact_email', value: 'jane.doe@example.com', weight: 0.02 } },
  { ruleFired: { ruleId: 'fast-track-under-2000', outcome: 'matched' } },
  { retrieval: { sourceUri: 'https://policies.example.com/motor/terms-2024' } },
  { note: { text: 'Customer jane.doe@example.com asked for a quick answer' } },
];

/** docs/evidence.md "For the person decided about": subjectExplanation through the API. */
describe('explanations for the person decided about', () => {
  let t: TestApp;
  let f: AutomationFixture;
  let other: AutomationFixture;
  let officer: { id: string; key: string };
  let reviewer: { id: string; key: string };
  let auditor: { id: string; key: string };
  let dir: string;
  const jane = `jane-${randomUUID()}`;
  const omar = `omar-${randomUUID()}`;
  let janes: { main: string; other: string };
  let omars: string;

  const record = async (fixture: AutomationFixture, extra: Record<string, unknown>) =>
    ok(await t.gql(fixture.service.key, RECORD, { i: decisionInput(fixture, extra) })).recordDecision.decision.id as string;
  const explain = async (key: string, subjectRef: string, extra: { d?: string; l?: string } = {}) =>
    t.gql(key, EXPLAIN, { s: subjectRef, d: extra.d ?? null, l: extra.l ?? null });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attest-explanation-'));
    t = await startTestApp({ REDIS_URL: '' });
    [officer, reviewer, auditor] = [
      await principalWithRole(t, 'compliance_officer'),
      await principalWithRole(t, 'compliance_officer'),
      await principalWithRole(t, 'auditor'),
    ];
    f = await automationFixture(t);
    other = await automationFixture(t);
    ok(await t.gql(t.adminKey, 'mutation { activatePolicyPack(name: "default", rationale: "explanations") { digest } }'));
    janes = {
      main: await record(f, { subjectRef: jane, explanation: TRACE, input: { claim: { amount: 1200 }, email: 'jane.doe@example.com' } }),
      other: await record(other, { subjectRef: jane }),
    };
    omars = await record(f, {
      subjectRef: omar,
      explanation: [{ featureAttribution: { feature: 'omars_private_factor', value: 'omar-secret', weight: 0.9 } }],
    });
    // Jane contests her decision; a compliance officer overrides it.
    ok(await t.gql(f.service.key, CONTEST, { d: janes.main, r: 'My claim is for a repair, not a replacement', c: 'jane.doe@example.com' }));
    ok(await t.gql(reviewer.key, REVIEW, { id: janes.main, o: { route: 'standard' } }));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains each decision about the person in plain language: factors, rules, the pack, the review and the contest', async () => {
    const explanation = ok(await explain(officer.key, jane)).subjectExplanation;
    expect(explanation).toMatchObject({ locale: 'en', title: 'Explanation of automated decisions about you', truncated: false });
    expect(explanation.decisions.map((d: { decisionId: string }) => d.decisionId).sort()).toEqual([janes.main, janes.other].sort());
    const main = explanation.decisions.find((d: { decisionId: string }) => d.decisionId === janes.main);
    expect(main.outcome).toBe('OVERRIDDEN');
    expect(main.summary).toBe('A person reviewed the automated result and replaced it with a different one.');
    expect(main.factors.map((x: { feature: string; direction: string }) => [x.feature, x.direction])).toEqual([
      ['claim_amount', 'FOR'],
      ['policy_tenure_years', 'AGAINST'],
      ['contact_email', 'FOR'],
    ]);
    expect(main.factors[1].text).toBe('"policy_tenure_years" weighed against the result (weight -0.31). The value used was 2.');
    expect(main.reasoning).toEqual([
      'The rule "fast-track-under-2000" applied, with the result: matched.',
      'Information was looked up in https://policies.example.com/motor/terms-2024.',
      'Note from the system: Customer [REDACTED:email] asked for a quick answer',
    ]);
    expect(main.policyVersion).toMatchObject({ name: 'default', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(main.policyVersion.text).toContain('The rules in force were the policy pack "default"');
    expect(main.reviews).toEqual([
      expect.objectContaining({ verdict: 'OVERRIDE', rationale: 'The repair estimate was checked by hand', answersContest: true }),
    ]);
    expect(main.contests).toEqual([expect.objectContaining({ status: 'ANSWERED', result: 'OVERRIDE' })]);
    expect(main.howToContest).toContain('within 3 days');
    expect(main.sections.map((s: { heading: string }) => s.heading).slice(1)).toEqual([
      'The main factors',
      'How the result was reached',
      "The organisation's rules",
      'Review by a person',
      'How to contest this decision',
    ]);
  });

  it("never shows another person's decisions, and a service sees only its own automation's", async () => {
    const text = JSON.stringify(ok(await explain(officer.key, jane)).subjectExplanation);
    expect(text).not.toContain(omars);
    expect(text).not.toContain('omar');
    const omarsOwn = ok(await explain(officer.key, omar)).subjectExplanation.decisions;
    expect(omarsOwn.map((d: { decisionId: string }) => d.decisionId)).toEqual([omars]);
    expect(JSON.stringify(omarsOwn)).not.toContain('jane');

    // Another person's decision asked for by id, under Jane's reference: as absent as an unknown one.
    expect(errorCode(await explain(officer.key, jane, { d: omars }))).toBe('NOT_FOUND');
    expect(errorCode(await explain(officer.key, jane, { d: randomUUID() }))).toBe('NOT_FOUND');
    expect(ok(await explain(officer.key, `nobody-${randomUUID()}`)).subjectExplanation.decisions).toEqual([]);

    // A service: its automation's decisions about Jane only.
    const viaService = ok(await explain(f.service.key, jane)).subjectExplanation.decisions;
    expect(viaService.map((d: { decisionId: string }) => d.decisionId)).toEqual([janes.main]);
    expect(errorCode(await explain(f.service.key, jane, { d: janes.other }))).toBe('NOT_FOUND');
  });

  it('redacted values stay redacted, and roles that may not explain are refused', async () => {
    const [main] = ok(await explain(officer.key, jane, { d: janes.main })).subjectExplanation.decisions;
    expect(main.factors.find((x: { feature: string }) => x.feature === 'contact_email').value).toBe('[REDACTED:email]');
    expect(JSON.stringify(main)).not.toContain('jane.doe@example.com');
    expect(errorCode(await explain(auditor.key, jane))).toBe('FORBIDDEN');
    const owner = await principalWithRole(t, 'automation_owner');
    expect(errorCode(await explain(owner.key, jane))).toBe('FORBIDDEN');
    expect(errorCode(await explain(t.adminKey, jane, { l: 'en' }))).toBeUndefined();
  });

  it('is written from the templates of the locale asked for: en by default, an unknown one refused', async () => {
    expect(ok(await explain(officer.key, jane, { l: 'en' })).subjectExplanation.locale).toBe('en');
    const unknown = await explain(officer.key, jane, { l: 'de' });
    expect(errorCode(unknown)).toBe('VALIDATION_FAILED');
    expect(unknown.errors![0].message).toContain('available: en');
    expect(errorCode(await explain(officer.key, jane, { l: '../en' }))).toBe('VALIDATION_FAILED');
  });

  it('audits every lookup and explanation: who asked about which subject, by keyed hash only', async () => {
    const before = ok(await t.gql(auditor.key, SUBJECT_EVENTS)).auditEvents.edges.length;
    ok(await explain(f.service.key, jane));
    ok(await explain(officer.key, omar));
    ok(await t.gql(officer.key, FOR_SUBJECT, { s: jane }));
    const all = ok(await t.gql(auditor.key, SUBJECT_EVENTS)).auditEvents.edges.map(
      (e: { node: { action: string; actorId: string; subjectId: string; after: any } }) => e.node,
    );
    const events = all.slice(0, all.length - before);
    // Newest first: the lookup, Omar's explanation, Jane's explanation through the service.
    const [lookup, omarExplained, janeExplained] = events;
    expect(lookup).toMatchObject({ action: 'subject.looked_up', actorId: officer.id, subjectId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(janeExplained).toMatchObject({
      action: 'subject.explained',
      actorId: f.service.id,
      after: { decisionIds: [janes.main], locale: 'en' },
    });
    expect(omarExplained).toMatchObject({ action: 'subject.explained', actorId: officer.id, after: { decisionIds: [omars] } });
    // The same person has the same hash whoever asks; another person another one; the reference is never stored.
    expect(janeExplained.subjectId).toBe(lookup.subjectId);
    expect(omarExplained.subjectId).not.toBe(janeExplained.subjectId);
    expect(JSON.stringify(events)).not.toContain(jane);
    expect(JSON.stringify(events)).not.toContain(omar);
  });

  it('as HTML and PDF documents whose text is the golden English explanation of a fixed decision', async () => {
    const { html, pdf } = ok(await t.gql(officer.key, DOCUMENTS, { s: jane, d: janes.main })).subjectExplanation;
    expect(html).toMatchObject({
      mediaType: 'text/html; charset=utf-8',
      fileName: expect.stringMatching(/^explanation-\d{4}-\d{2}-\d{2}-en\.html$/),
    });
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) });
    const htmlBytes = Buffer.from(html.contentBase64, 'base64');
    const pdfBytes = Buffer.from(pdf.contentBase64, 'base64');
    expect(htmlBytes.length).toBe(html.byteSize);
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');

    const htmlText = normalise(textOfHtml(htmlBytes.toString('utf8')), f.automationKey);
    expect(htmlText).not.toContain('jane.doe@example.com');
    expectGolden('explanation-en.html.txt', htmlText);
    const file = join(dir, 'explanation.pdf');
    writeFileSync(file, pdfBytes);
    const pdfText = normalise(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), f.automationKey);
    expect(pdfText).toContain('Explanation of automated decisions about you');
    expectGolden('explanation-en.pdf.txt', pdfText);
    // The page as a reader sees it, for docs/evidence.md: rewritten with the golden text only.
    if (process.env.UPDATE_GOLDEN === '1') {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-singlefile',
        '-f',
        '1',
        '-l',
        '1',
        file,
        join(PAGES_DIR, 'subject-explanation-page-1'),
      ]);
    }
  });
});

/** The text a reader sees in the HTML: one line per block element, entities decoded. */
function textOfHtml(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<\/(h\d|p|li|tr|dt|dd|footer|section|div|td|th)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .concat('\n');
}

/** What changes from run to run and nothing else: ids, times, the pack's digest and the fixture's automation name. */
function normalise(text: string, automationKey: string): string {
  return text
    .split(automationKey)
    .join('<automation>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, '<time>')
    .replace(/\b[0-9a-f]{64}\b/g, '<digest>');
}

/** Compares with test/golden/subjects/<name>; UPDATE_GOLDEN=1 rewrites it instead, for a reviewer to read in the diff. */
function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file) ? readFileSync(file, 'utf8') : `(no ${name}: run UPDATE_GOLDEN=1 npx jest test/subject-explanations)`).toBe(
    actual,
  );
}

import { parseXml, XmlElement } from '@rgrove/parse-xml';
import type { CheckCase } from './check-report';
import { checkReport } from './check-report.fixture';
import { renderJUnit } from './junit';

// @rgrove/parse-xml is a conforming XML 1.0 parser: it throws on characters XML forbids,
// unescaped markup in attributes and broken references, which lenient parsers let through.
function parseJUnit(cases: CheckCase[], parts = {}): XmlElement {
  const root = parseXml(renderJUnit(checkReport({ cases, ...parts }))).root;
  if (!root) throw new Error('no root element');
  return root;
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c instanceof XmlElement && c.name === name);
}

const passed = (suite: string, name: string): CheckCase => ({ suite, name, status: 'passed' });

describe('renderJUnit', () => {
  it('writes one testsuite per suite in first-seen order, with the counts of each', () => {
    const root = parseJUnit([
      passed('pack-a', 'allows low risk'),
      { suite: 'lint', name: 'unknown fact', status: 'error', message: 'cannot load' },
      { suite: 'pack-a', name: 'denies high risk', status: 'failed', message: 'expected deny' },
      passed('fail-on', 'no new denials'),
    ]);

    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'attest policy test', tests: '4', failures: '1', errors: '1' });
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attributes)).toEqual([
      { name: 'pack-a', tests: '2', failures: '1', errors: '0' },
      { name: 'lint', tests: '1', failures: '0', errors: '1' },
      { name: 'fail-on', tests: '1', failures: '0', errors: '0' },
    ]);
    expect(children(suites[0], 'testcase').map((c) => c.attributes.name)).toEqual(['allows low risk', 'denies high risk']);
  });

  it('marks failed cases with <failure> and errored ones with <error>, passed ones with nothing', () => {
    const [suite] = children(
      parseJUnit([
        passed('p', 'ok'),
        { suite: 'p', name: 'wrong', status: 'failed', message: 'expected deny, got allow' },
        { suite: 'p', name: 'broken', status: 'error' },
      ]),
      'testsuite',
    );
    const [ok, wrong, broken] = children(suite, 'testcase');

    expect(ok.children.filter((c) => c instanceof XmlElement)).toEqual([]);
    expect(children(wrong, 'failure').map((f) => [f.attributes.message, f.text])).toEqual([
      ['expected deny, got allow', 'expected deny, got allow'],
    ]);
    // Without a message the status still says what happened.
    expect(children(broken, 'error').map((e) => e.attributes.message)).toEqual(['error']);
    expect(wrong.attributes.classname).toBe('p');
  });

  it('puts the first line of a message in the attribute and all of it in the body', () => {
    const [suite] = children(
      parseJUnit([{ suite: 'p', name: 'two lines', status: 'failed', message: 'expected deny\r\nsee policy x' }]),
      'testsuite',
    );
    const [failure] = children(children(suite, 'testcase')[0], 'failure');

    expect(failure.attributes.message).toBe('expected deny');
    expect(failure.text).toBe('expected deny\r\nsee policy x');
  });

  it('escapes markup, quotes and whitespace and replaces characters XML 1.0 forbids', () => {
    const message = `expected <deny> & "allow" isn't\u0001 right \uD800 \uFFFF`;
    const name = 'case\twith <tab>, \n newline & "quotes"';
    const xml = renderJUnit(
      checkReport({
        cases: [{ suite: 'a & b < c', name, status: 'failed', message, location: { file: 'p/"x".yaml', line: 3 } }],
      }),
    );

    // eslint-disable-next-line no-control-regex -- the point: XML 1.0 forbids these characters, none may reach the report.
    expect(xml).not.toMatch(/[\u0001\uFFFF]/);
    const root = parseXml(xml).root as XmlElement;
    const [suite] = children(root, 'testsuite');
    const [testcase] = children(suite, 'testcase');
    const [failure] = children(testcase, 'failure');
    const readable = 'expected <deny> & "allow" isn\'t\uFFFD right \uFFFD \uFFFD';
    expect(suite.attributes.name).toBe('a & b < c');
    expect(testcase.attributes).toEqual({ name, classname: 'a & b < c', file: 'p/"x".yaml', line: '3' });
    expect(failure.attributes.message).toBe(readable);
    expect(failure.text).toBe(readable);
  });

  it('writes file and line only for a case that has a location, with forward slashes', () => {
    const [suite] = children(
      parseJUnit([
        { suite: 'p', name: 'located', status: 'passed', location: { file: 'policies\\risk\\high.yaml', line: 12 } },
        passed('p', 'unlocated'),
      ]),
      'testsuite',
    );
    const [located, unlocated] = children(suite, 'testcase');

    expect(located.attributes).toMatchObject({ file: 'policies/risk/high.yaml', line: '12' });
    expect(Object.keys(unlocated.attributes)).toEqual(['name', 'classname']);
  });

  it('leaves out findings that have no case, and renders an empty report as empty testsuites', () => {
    const root = parseJUnit([], {
      findings: [{ ruleId: 'lint/unused', level: 'error', message: 'unused policy', location: { file: 'a.yaml', line: 1 } }],
    });

    expect(root.attributes).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(children(root, 'testsuite')).toEqual([]);
  });

  it('starts with an XML declaration and ends with a newline', () => {
    const xml = renderJUnit(checkReport({ cases: [passed('p', 'ok')] }));

    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });
});

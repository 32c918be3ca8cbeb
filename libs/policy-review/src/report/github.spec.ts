import type { Finding } from './check-report';
import { checkReport } from './check-report.fixture';
import { renderGithubAnnotations } from './github';

const annotate = (...findings: Finding[]): string => renderGithubAnnotations(checkReport({ findings }));

describe('renderGithubAnnotations', () => {
  it('writes one command per finding with file, line and the rule as title', () => {
    expect(
      annotate(
        { ruleId: 'test/failed', level: 'error', message: 'expected deny', location: { file: 'policies/risk.yaml', line: 14 } },
        { ruleId: 'lint/style', level: 'warning', message: 'long name', location: { file: 'policies/a.yaml', line: 2 } },
      ),
    ).toBe(
      '::error file=policies/risk.yaml,line=14,title=test/failed::expected deny\n' +
        '::warning file=policies/a.yaml,line=2,title=lint/style::long name\n',
    );
  });

  it('maps error, warning and note to ::error, ::warning and ::notice', () => {
    const lines = annotate(
      { ruleId: 'r', level: 'error', message: 'm' },
      { ruleId: 'r', level: 'warning', message: 'm' },
      { ruleId: 'r', level: 'note', message: 'm' },
    ).split('\n');

    expect(lines.map((line) => line.split(' ')[0])).toEqual(['::error', '::warning', '::notice', '']);
  });

  it('leaves out file and line for a finding without location', () => {
    expect(annotate({ ruleId: 'fail-on', level: 'error', message: 'new denials' })).toBe('::error title=fail-on::new denials\n');
  });

  it('escapes %, CR and LF in the message but keeps : and ,', () => {
    expect(annotate({ ruleId: 'r', level: 'error', message: '100% sure\r\nnext: a, b' })).toBe(
      '::error title=r::100%25 sure%0D%0Anext: a, b\n',
    );
  });

  it('escapes %, CR, LF, : and , in property values', () => {
    expect(
      annotate({
        ruleId: 'rule:one,two%\r\n',
        level: 'note',
        message: 'm',
        location: { file: 'dir\\a,b:c%.yaml', line: 3 },
      }),
    ).toBe('::notice file=dir/a%2Cb%3Ac%25.yaml,line=3,title=rule%3Aone%2Ctwo%25%0D%0A::m\n');
  });

  it('writes nothing when there are no findings', () => {
    expect(annotate()).toBe('');
  });
});

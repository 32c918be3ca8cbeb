import { validateSync } from 'class-validator';
import { IsWithinCalendar } from './within-calendar';

class Input {
  @IsWithinCalendar()
  at: unknown;
}

const problemsOf = (at: unknown) => validateSync(Object.assign(new Input(), { at })).flatMap((e) => Object.values(e.constraints ?? {}));

describe('IsWithinCalendar', () => {
  it('takes times in the years 0001 to 9999, the edges included', () => {
    for (const at of ['0001-01-01T00:00:00.000Z', '2026-12-07T10:00:00Z', '9999-12-31T23:59:59.999Z'])
      expect(problemsOf(new Date(at))).toEqual([]);
  });

  it('refuses times PostgreSQL cannot store or clients cannot print in four digits, by name', () => {
    for (const at of ['-005000-01-01T00:00:00Z', '0000-12-31T23:59:59.999Z', '+010000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z']) {
      expect(problemsOf(new Date(at))).toEqual(['at must be a time in the years 0001 to 9999 (UTC)']);
    }
  });

  it('refuses what is not a date, as IsDate does', () => {
    expect(problemsOf('2026-12-07')).toEqual(['at must be a Date instance']);
    expect(problemsOf(new Date('nonsense'))).toEqual(['at must be a Date instance']);
  });
});

import { validateSync } from 'class-validator';
import { IsNotBelow } from './range-bound';

class Range {
  from?: Date;
  @IsNotBelow('from') to?: Date;
  min?: number;
  @IsNotBelow('min') max?: number;
}

const problems = (values: Partial<Range>) => validateSync(Object.assign(new Range(), values)).map((e) => e.property);

describe('IsNotBelow', () => {
  it('refuses an upper bound below its lower bound', () => {
    expect(problems({ from: new Date('2026-02-01'), to: new Date('2026-01-01') })).toEqual(['to']);
    expect(problems({ min: 0.9, max: 0.1 })).toEqual(['max']);
  });

  it('accepts equal bounds, ordered bounds and a single bound', () => {
    expect(problems({ from: new Date('2026-01-01'), to: new Date('2026-01-01') })).toEqual([]);
    expect(problems({ min: 0.1, max: 0.9 })).toEqual([]);
    expect(problems({ max: 0.1 })).toEqual([]);
    expect(problems({ to: new Date('2026-01-01') })).toEqual([]);
  });

  it('names the bound in its message', () => {
    const [error] = validateSync(Object.assign(new Range(), { min: 1, max: 0 }));
    expect(Object.values(error.constraints ?? {})).toEqual(['max must not be below min']);
  });
});

import { IsInt, IsString, Length, Min, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './memoize-validation-metadata';

class Base {
  @IsString() name: string;
}

class Child extends Base {
  @IsInt() @Min(1) count: number;
  @Length(2, 4, { groups: ['strict'] }) code: string;
}

const messages = (value: object, groups?: string[]) =>
  validateSync(value, groups ? { groups } : {})
    .flatMap((e) => Object.values(e.constraints ?? {}))
    .sort();

describe('memoizeValidationMetadata', () => {
  it('validates exactly as before, inherited rules and groups included, on repeated calls', () => {
    const bad = Object.assign(new Child(), { name: 7, count: 0, code: 'x' });
    const good = Object.assign(new Child(), { name: 'n', count: 2, code: 'ab' });
    const before = [messages(bad), messages(bad, ['strict']), messages(good), messages(good, ['strict'])];
    memoizeValidationMetadata();
    memoizeValidationMetadata(); // idempotent
    for (let i = 0; i < 3; i++) {
      expect([messages(bad), messages(bad, ['strict']), messages(good), messages(good, ['strict'])]).toEqual(before);
    }
    expect(before[0]).toEqual(expect.arrayContaining(['name must be a string', 'count must not be less than 1']));
    expect(before[1]).toContain('code must be longer than or equal to 2 characters');
    expect(before[2]).toEqual([]);
  });
});

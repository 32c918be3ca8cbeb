import { UniqueNames } from './unique-names';

describe('UniqueNames', () => {
  it('accepts distinct names and refuses one claimed twice', () => {
    const names = new UniqueNames('Thing');
    names.claim('a');
    names.claim('b');
    expect(() => names.claim('a')).toThrow('Thing "a" is defined twice');
  });

  it('keeps each namespace apart', () => {
    new UniqueNames('Loader').claim('x');
    expect(() => new UniqueNames('Job').claim('x')).not.toThrow();
  });
});

import { diffSnapshots } from './audit-diff';

describe('diffSnapshots', () => {
  it('lists only the fields that changed, in key order', () => {
    expect(diffSnapshots({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1, 2] })).toEqual({
      b: { from: 'x', to: 'y' },
      c: { from: [1], to: [1, 2] },
    });
  });

  it('treats a creation as every field going from null', () => {
    expect(diffSnapshots(null, { name: 'm' })).toEqual({ name: { from: null, to: 'm' } });
  });

  it('treats a missing field and null alike', () => {
    expect(diffSnapshots({ a: null }, {})).toEqual({});
  });
});

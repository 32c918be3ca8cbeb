import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips a keyset position', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '5b1c7c1e-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('rejects a cursor it did not make with VALIDATION_FAILED', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

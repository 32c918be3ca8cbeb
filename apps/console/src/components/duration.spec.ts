import { formatDuration } from './duration';

describe('formatDuration (how long a review has waited)', () => {
  it('says the two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(3600 * 3 + 60 * 12 + 5)).toBe('3 h 12 min');
    expect(formatDuration(86_400 * 2 + 3600 * 4 + 59)).toBe('2 d 4 h');
    expect(formatDuration(86_400 + 30)).toBe('1 d 30 s');
  });
});

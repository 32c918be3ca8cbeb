import { completenessWords } from './documentation';

describe('technical documentation words', () => {
  it('says the score as sections counted and a rounded percentage', () => {
    expect(completenessWords({ score: 6 / 9, sectionCount: 9, completeCount: 6 })).toBe('6 of 9 sections have their facts (67 %)');
  });
});

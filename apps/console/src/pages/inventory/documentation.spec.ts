import { completenessWords, technicalDocumentationPath } from './documentation';

describe('technical documentation links and words', () => {
  it('links to the download route with the version and the format as GraphQL names it', () => {
    expect(technicalDocumentationPath('6b1e0f4e-0000-4000-8000-000000000001', 'PDF')).toBe(
      '/api/v1/evidence/technical-documentation?automationVersionId=6b1e0f4e-0000-4000-8000-000000000001&format=PDF',
    );
  });

  it('says the score as sections counted and a rounded percentage', () => {
    expect(completenessWords({ score: 6 / 9, sectionCount: 9, completeCount: 6 })).toBe('6 of 9 sections have their facts (67 %)');
  });
});

import { expansionsParam, MAX_EXPANSIONS, parseExpansions } from './expansions';
import { lineageSearch } from './search';

const MODEL = '0191e7a4-5b1c-7d2e-8f3a-4b5c6d7e8f90';
const DATASET = '0191e7a4-5b1c-7d2e-8f3a-4b5c6d7e8f91';

describe('expansions in the URL', () => {
  it('reads them in order and writes them back the same', () => {
    const text = `MODEL_VERSION:${MODEL}:UPSTREAM,DATASET_VERSION:${DATASET}:DOWNSTREAM`;
    const expansions = parseExpansions(text);
    expect(expansions).toEqual([
      { type: 'MODEL_VERSION', id: MODEL, towards: 'UPSTREAM' },
      { type: 'DATASET_VERSION', id: DATASET, towards: 'DOWNSTREAM' },
    ]);
    expect(expansionsParam(expansions)).toBe(text);
  });

  it('drops what is not an expansion, and repeats, rather than trusting a hand-edited link', () => {
    const text = [
      `MODEL_VERSION:${MODEL.toUpperCase()}:UPSTREAM`,
      `MODEL_VERSION:${MODEL}:UPSTREAM`,
      `TABLE:${MODEL}:UPSTREAM`,
      `DATASET_VERSION:not-a-uuid:UPSTREAM`,
      `DATASET_VERSION:${DATASET}:SIDEWAYS`,
      'junk',
      '',
    ].join(',');
    expect(parseExpansions(text)).toEqual([{ type: 'MODEL_VERSION', id: MODEL, towards: 'UPSTREAM' }]);
    expect(parseExpansions(undefined)).toEqual([]);
    expect(expansionsParam([])).toBeUndefined();
  });

  it(`keeps at most ${MAX_EXPANSIONS}`, () => {
    const ids = Array.from({ length: 30 }, (_, i) => `0191e7a4-5b1c-7d2e-8f3a-${String(i).padStart(12, '0')}`);
    expect(parseExpansions(ids.map((id) => `RUN:${id}:DOWNSTREAM`).join(','))).toHaveLength(MAX_EXPANSIONS);
  });

  it("is validated with the page's other search parameters", () => {
    expect(lineageSearch({ type: 'DECISION', id: MODEL, expand: `JOB:${DATASET}:UPSTREAM,bad` })).toMatchObject({
      expand: `JOB:${DATASET}:UPSTREAM`,
    });
    expect(lineageSearch({ type: 'DECISION', id: MODEL, expand: 'bad' }).expand).toBeUndefined();
  });
});

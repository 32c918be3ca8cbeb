import { canonicalJson } from '@attest/core';
import { packDigest } from './pack-digest';
import { parsePolicyFile } from './pack-loader';
import type { Policy } from './policy.types';

const ORIGINAL = `
id: low-confidence
version: 1
description: Low confidence goes to review
appliesTo: decision
severity: high
frameworks: [EU-AI-Act:Art.14]
conditions:
  all:
    - { fact: decision.confidence, operator: lessThan, value: 0.7 }
effect: require_review
message: Review it
`;

const REFORMATTED = `# Same policy: keys reordered, comments and block style.
effect: require_review   # strongest short of deny
message: "Review it"
conditions:
  all:
    - value: 0.7
      operator: lessThan
      fact: decision.confidence
frameworks:
  - EU-AI-Act:Art.14
severity: high
appliesTo: decision
description: Low confidence goes to review
version: 1
id: low-confidence
`;

function parse(text: string): Policy {
  const problems: string[] = [];
  const parsed = parsePolicyFile('p.yaml', text, problems);
  expect(problems).toEqual([]);
  return parsed!.policy;
}

describe('packDigest', () => {
  const other = parse(ORIGINAL.replace(/low-confidence/g, 'another').replace('0.7', '0.5'));

  it('ignores key order, comments, quoting and YAML style', () => {
    expect(packDigest([parse(ORIGINAL), other])).toBe(packDigest([parse(REFORMATTED), other]));
  });

  it('ignores the order of policies', () => {
    expect(packDigest([parse(ORIGINAL), other])).toBe(packDigest([other, parse(ORIGINAL)]));
  });

  it('changes when any value changes', () => {
    const base = packDigest([parse(ORIGINAL)]);
    expect(packDigest([parse(ORIGINAL.replace('0.7', '0.71'))])).not.toBe(base);
    expect(packDigest([parse(ORIGINAL.replace('version: 1', 'version: 2'))])).not.toBe(base);
    expect(packDigest([parse(ORIGINAL.replace('Review it', 'Review it.'))])).not.toBe(base);
  });

  it('is SHA-256 over sorted-key JSON without whitespace', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x', u: undefined })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    expect(packDigest([])).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945'); // sha256("[]")
  });
});

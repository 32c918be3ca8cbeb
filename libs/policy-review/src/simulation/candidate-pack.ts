import { packFromYamlFiles, type PolicyPack } from '@attest/policy';

export interface PolicyFile {
  /** The file's name, e.g. `high-risk-low-confidence-review.yaml` (a policy lives in `<id>.yaml`). */
  name: string;
  content: string;
}

const FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*\.ya?ml$/;

/** A pack from policy files sent over the API, checked as a pack folder is; every problem, with file and line, throws together (PolicyPackError). */
export function packFromFiles(name: string, files: readonly PolicyFile[]): PolicyPack {
  const problems = files.filter((f) => !FILE_NAME.test(f.name)).map((f) => `${f.name}: a policy file is named <policy id>.yaml`);
  if (files.length === 0) problems.push('the pack has no policy files');
  return packFromYamlFiles(
    name,
    files.filter((f) => FILE_NAME.test(f.name)).map((f) => ({ file: f.name, text: f.content })),
    problems,
  );
}

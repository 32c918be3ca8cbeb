/**
 * A report path as CI tools match it against the checkout: forward slashes and no leading `./`,
 * since GitHub, GitLab and SARIF viewers compare paths as strings against the repository tree.
 */
export function repositoryPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

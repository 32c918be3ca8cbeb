import { invalidInputReport, renderGithubAnnotations, renderJUnit, renderSarifJson, type CheckReport } from '@attest/policy-review';
import { attestVersion } from '../repo-root';
import type { OutputFormat } from './format-option';

/** How one command renders in each format: its own text, Markdown and JSON, and the neutral report for the machine formats. */
export interface Renderings {
  text(): string;
  markdown(): string;
  json(): unknown;
  checks(): CheckReport;
}

export function render(format: OutputFormat, r: Renderings): string {
  switch (format) {
    case 'text':
      return r.text();
    case 'markdown':
      return r.markdown();
    case 'json':
      return `${JSON.stringify(r.json(), null, 2)}\n`;
    case 'junit':
      return renderJUnit(r.checks());
    case 'sarif':
      return renderSarifJson(r.checks());
    case 'github':
      return renderGithubAnnotations(r.checks());
  }
}

/** Attest's version (the repository's package.json), for SARIF's tool.driver.version; the same from source and from dist. */
/** Input that kept a command from running (exit 2), in each format: on stdout for the machine ones, so CI annotates the files. */
export function invalidInputRenderings(tool: string, title: string, problems: readonly string[], markdownStart = ''): Renderings {
  return {
    text: () => `${problems.join('\n')}\n`,
    markdown: () => `${markdownStart}## ${title}\n\nInvalid input:\n\n${problems.map((p) => `- ${p}`).join('\n')}\n`,
    json: () => ({ invalid: problems }),
    checks: () => invalidInputReport(tool, attestVersion(), problems),
  };
}

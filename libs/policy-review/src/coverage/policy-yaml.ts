import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { YAMLMap } from 'yaml';
import { asMap, YamlSource } from '@attest/policy';
import type { SourceLocation } from '../report/check-report';
import { parseFileLine } from './source-location';

/**
 * A policy file parsed again to point inside it: a loaded PolicyPack keeps only the line where each
 * policy starts, while coverage and lint want the line of one condition or of `version:`.
 */
export class PolicyYaml {
  private constructor(
    private readonly src: YamlSource,
    readonly root: YAMLMap,
  ) {}

  /** `source` is the pack's `file:line` of the policy, its file relative to `cwd` as the loader wrote it. */
  static read(source: string | undefined, cwd: string): PolicyYaml | undefined {
    const file = source === undefined ? undefined : parseFileLine(source).location?.file;
    if (!file) return undefined;
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
    const src = YamlSource.parse(file, text, []);
    const root = asMap(src?.doc.contents);
    return src && root ? new PolicyYaml(src, root) : undefined;
  }

  locationOf(node: unknown): SourceLocation {
    return parseFileLine(this.src.at(node)).location!;
  }

  /** Where a top-level key such as `version:` is written, or undefined when the file lacks it. */
  keyLocation(key: string): SourceLocation | undefined {
    return this.root.has(key) ? parseFileLine(this.src.atKey(this.root, key)).location : undefined;
  }
}

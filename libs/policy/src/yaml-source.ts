import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, LineCounter, parseDocument, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';

/** A parsed YAML file that can say where any of its nodes is, as `file:line`. */
export class YamlSource {
  private constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; syntax errors go to `problems` and yield undefined. */
  static parse(file: string, text: string, problems: string[]): YamlSource | undefined {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    // With prettyErrors off the parser fills no linePos: the line comes from the error's offset.
    for (const error of doc.errors)
      problems.push(`${file}:${error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line}: ${error.message}`);
    return doc.errors.length > 0 ? undefined : new YamlSource(file, doc, lines);
  }

  at(node: unknown): string {
    const range = (node as YamlNode | undefined)?.range;
    return `${this.file}:${range ? this.lines.linePos(range[0]).line : 1}`;
  }

  /** `file:line` of a map entry's key (the line a reader looks for), or of the map when it is absent. */
  atKey(map: YAMLMap, key: string): string {
    const pair = map.items.find((p) => (p.key as { value?: unknown })?.value === key);
    return this.at(pair?.key ?? map);
  }
}

/** `file:line: field: message`, the one shape every pack problem has. */
export const problem = (where: string, field: string, message: string) => `${where}: ${field}: ${message}`;

/** Reports keys of `map` outside `allowed` (unknown keys are errors, typos must not pass silently). */
export function checkKeys(src: YamlSource, map: YAMLMap, allowed: readonly string[], field: string, problems: string[]): void {
  for (const pair of map.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!allowed.includes(key)) {
      problems.push(problem(src.at(pair.key), field ? `${field}.${key}` : key, `unknown field (known: ${allowed.join(', ')})`));
    }
  }
}

/** The YAML files of a folder, sorted, with paths relative to `cwd`; an unreadable folder is a problem. */
export function readYamlFolder(dir: string, cwd: string, what: string, problems: string[]): { file: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    problems.push(`${relative(cwd, dir) || dir}: the ${what} folder cannot be read`);
    return [];
  }
  return names.map((name) => {
    const path = join(dir, name);
    return { file: relative(cwd, path) || path, text: readFileSync(path, 'utf8') };
  });
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

/**
 * A small option parser: `--name value`, `--name=value`, boolean flags, `-h`/`--help`. The CLI has
 * a handful of commands with a few options each, which does not justify a framework dependency.
 */
export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionSpec {
  type: OptionType;
  description: string;
  required?: boolean;
  /** Shown in help as `--name <valueName>`. */
  valueName?: string;
  /** Bounds for integers, checked here so commands get a valid number or a usage error. */
  min?: number;
  max?: number;
  /** A bare argument fills this option (at most one per command): `attest policy test policies/` = `--path policies/`. */
  positional?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['type'] extends 'integer' ? number : string;

export type ParsedOptions<S extends OptionSpecs> = {
  [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : S[K]['required'] extends true ? ValueOf<S[K]> : ValueOf<S[K]> | undefined;
};

/** Bad invocation: the CLI prints it with the command's usage line and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ParseResult<S extends OptionSpecs> = { help: true } | { help: false; options: ParsedOptions<S> };

export function parseOptions<S extends OptionSpecs>(argv: readonly string[], specs: S): ParseResult<S> {
  // Help wins over any other mistake on the line: it is what someone confused asks for.
  if (argv.some((arg) => arg === '-h' || arg === '--help')) return { help: true };
  const values: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const positional = Object.entries(specs).find(([, s]) => s.positional)?.[0];
    if (positional && !arg.startsWith('-') && !(positional in values)) {
      values[positional] = arg;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = splitInline(arg.slice(2));
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (name in values) throw new UsageError(`--${name} is given more than once${spec.positional ? ' (also as the bare argument)' : ''}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    // A value may itself start with "-" (a negative number) but not with "--" (the next option).
    const raw = inline ?? argv[i + 1];
    if (raw === undefined || (inline === undefined && raw.startsWith('--')) || raw === '') {
      throw new UsageError(`--${name} needs a value`);
    }
    if (inline === undefined) i++;
    values[name] = spec.type === 'integer' ? toInteger(name, raw, spec) : raw;
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type === 'boolean') values[name] ??= false;
    else if (spec.required && !(name in values)) throw new UsageError(`--${name} is required`);
  }
  return { help: false, options: values as ParsedOptions<S> };
}

/** `--name <value>` for each option, required ones first, optional ones in brackets. */
export function usageOf(specs: OptionSpecs): string {
  const entries = Object.entries(specs);
  const sorted = [...entries.filter(([, s]) => s.required), ...entries.filter(([, s]) => !s.required)];
  return sorted.map(([name, spec]) => (spec.required ? optionLabel(name, spec) : `[${optionLabel(name, spec)}]`)).join(' ');
}

/** The options table of a command's help. */
export function optionsHelp(specs: OptionSpecs): string {
  const rows: [string, string][] = Object.entries(specs).map(([name, spec]) => [optionLabel(name, spec), spec.description]);
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, description]) => `  ${label.padEnd(width)}  ${description}`).join('\n');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: a typo is said here, not as a NOT_FOUND (or a token the API rejects) with no hint why. */
export function requireUuid(name: string, value: string): void {
  if (!UUID.test(value)) throw new UsageError(`--${name} must be a UUID, got "${value}"`);
}

function optionLabel(name: string, spec: OptionSpec): string {
  return spec.type === 'boolean' ? `--${name}` : `--${name} <${spec.valueName ?? spec.type}>`;
}

function splitInline(body: string): [string, string | undefined] {
  const eq = body.indexOf('=');
  return eq < 0 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}

function toInteger(name: string, raw: string, spec: OptionSpec): number {
  const value = Number(raw);
  const inRange = (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || !inRange) {
    throw new UsageError(`--${name} must be an integer${rangeText(spec)}, got "${raw}"`);
  }
  return value;
}

function rangeText({ min, max }: OptionSpec): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  return max !== undefined ? ` of at most ${max}` : '';
}

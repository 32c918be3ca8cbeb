import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { ACTIONS, PRINCIPAL_PLACEHOLDERS, ROLES, SUBJECTS, type Action, type Role, type SubjectType } from './vocabulary';

export interface AccessRule {
  action: Action[];
  subject: SubjectType[];
  conditions?: Record<string, unknown>;
  fields?: string[];
  inverted?: boolean;
  /** Where the rule was written, for reviewers and error messages. */
  source: string;
}

export interface RoleDefinition {
  description: string;
  rules: AccessRule[];
}

export type AccessPolicy = Record<Role, RoleDefinition>;

export class AccessPolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid access policy:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'AccessPolicyError';
  }
}

const RULE_KEYS = new Set(['action', 'subject', 'conditions', 'fields', 'inverted', 'reason']);
const PLACEHOLDER = /\$\{([^}]+)\}/g;

/** Loads every `*.yaml` in the folder; all roles must be defined exactly once. Errors carry file:line. */
export function loadAccessPolicy(dir: string, cwd = process.cwd()): AccessPolicy {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    throw new AccessPolicyError([`${dir}: the access policy folder cannot be read`]);
  }
  const problems: string[] = [];
  const roles: Partial<AccessPolicy> = {};
  for (const file of files) {
    const path = join(dir, file);
    parseAccessFile(relative(cwd, path) || path, readFileSync(path, 'utf8'), roles, problems);
  }
  for (const role of ROLES) {
    if (!roles[role]) problems.push(`${relative(cwd, dir) || dir}: role "${role}" is not defined`);
  }
  if (problems.length > 0) throw new AccessPolicyError(problems);
  return roles as AccessPolicy;
}

/** Parses one file's text into `roles`, adding `file:line: problem` entries for anything wrong. */
export function parseAccessFile(file: string, text: string, roles: Partial<AccessPolicy>, problems: string[]): void {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (node: YamlNode | null | undefined) => `${file}:${node?.range ? lines.linePos(node.range[0]).line : 1}`;
  // With prettyErrors off the parser fills no linePos: the line comes from the error's offset.
  for (const error of doc.errors) problems.push(`${file}:${error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line}: ${error.message}`);
  if (doc.errors.length > 0) return;

  const rolesNode = isMap(doc.contents) ? doc.contents.get('roles', true) : undefined;
  if (!isMap(rolesNode)) {
    problems.push(`${at(doc.contents)}: expected a top-level "roles:" map`);
    return;
  }
  for (const pair of rolesNode.items) {
    const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const where = at(pair.key as YamlNode);
    if (!(ROLES as string[]).includes(name)) {
      problems.push(`${where}: unknown role "${name}" (known: ${ROLES.join(', ')})`);
      continue;
    }
    if (roles[name as Role]) {
      problems.push(`${where}: role "${name}" is defined more than once`);
      continue;
    }
    const body = pair.value;
    const rulesNode = isMap(body) ? body.get('rules', true) : undefined;
    if (!isMap(body) || !isSeq(rulesNode)) {
      problems.push(`${where}: role "${name}" needs a "rules:" list`);
      continue;
    }
    const rules: AccessRule[] = [];
    for (const item of rulesNode.items) {
      const rule = parseRule(item as YamlNode, at(item as YamlNode), problems);
      if (rule) rules.push(rule);
    }
    roles[name as Role] = { description: String(body.get('description') ?? ''), rules };
  }
}

function parseRule(node: YamlNode, where: string, problems: string[]): AccessRule | undefined {
  if (!isMap(node)) {
    problems.push(`${where}: a rule must be a map with action and subject`);
    return undefined;
  }
  const raw = node.toJSON() as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.has(key)) problems.push(`${where}: unknown field "${key}" in rule`);
  }
  const action = listOf(raw.action, ACTIONS, 'action', where, problems) as Action[];
  const subject = listOf(raw.subject, SUBJECTS, 'subject', where, problems) as SubjectType[];
  if (raw.conditions !== undefined && (typeof raw.conditions !== 'object' || raw.conditions === null || Array.isArray(raw.conditions))) {
    problems.push(`${where}: "conditions" must be a map`);
  }
  for (const placeholder of JSON.stringify(raw.conditions ?? {}).matchAll(PLACEHOLDER)) {
    if (!(PRINCIPAL_PLACEHOLDERS as readonly string[]).includes(placeholder[1])) {
      problems.push(`${where}: unknown placeholder \${${placeholder[1]}} (known: ${PRINCIPAL_PLACEHOLDERS.join(', ')})`);
    }
  }
  if (raw.fields !== undefined && (!Array.isArray(raw.fields) || raw.fields.some((f) => typeof f !== 'string'))) {
    problems.push(`${where}: "fields" must be a list of field names`);
  }
  if (raw.inverted !== undefined && typeof raw.inverted !== 'boolean') problems.push(`${where}: "inverted" must be true or false`);
  if (problems.length > before) return undefined;
  return {
    action,
    subject,
    conditions: raw.conditions as Record<string, unknown> | undefined,
    fields: raw.fields as string[] | undefined,
    inverted: raw.inverted as boolean | undefined,
    source: where,
  };
}

function listOf(value: unknown, allowed: readonly string[], field: string, where: string, problems: string[]): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (list.length === 0) problems.push(`${where}: "${field}" is required`);
  for (const item of list) {
    if (!allowed.includes(String(item))) problems.push(`${where}: unknown ${field} "${String(item)}" (known: ${allowed.join(', ')})`);
  }
  return list.map(String);
}

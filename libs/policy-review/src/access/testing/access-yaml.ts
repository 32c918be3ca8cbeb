import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAccessFile, type AccessPolicy } from '@attest/identity';

/** The committed policies/access/roles.yaml, as specs start from it and edit it. */
export const COMMITTED_ROLES_YAML = readFileSync(join(__dirname, '../../../../../policies/access/roles.yaml'), 'utf8');

/** Parses access YAML as `roles.yaml`, failing the spec on any problem; undefined roles stay absent. */
export function policyFromYaml(text: string): Partial<AccessPolicy> {
  const roles: Partial<AccessPolicy> = {};
  const problems: string[] = [];
  parseAccessFile('roles.yaml', text, roles, problems);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return roles;
}

/** Access YAML with only the given roles, each a list of rule lines as written under `rules:`. */
export function rolesYaml(roles: Record<string, string[]>): string {
  const body = Object.entries(roles).flatMap(([role, rules]) => [
    `  ${role}:`,
    '    description: d',
    '    rules:',
    ...rules.map((l) => `      ${l}`),
  ]);
  return ['roles:', ...body, ''].join('\n');
}

/** `text` with `from` replaced by `to`, failing when `from` is not there exactly once. */
export function edited(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected exactly one "${from}" in the YAML, found ${parts.length - 1}`);
  return parts.join(to);
}

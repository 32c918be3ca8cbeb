import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { REPO_ROOT } from './support/test-app';

/** PageInfo is described with the pagination enums (libs/core/src/pagination); enum types and values by the schema linter. */
const DESCRIBED_ELSEWHERE = new Set(['PageInfo']);

/** Every type, field, argument and input field of the schema that an API explorer would show without a description. */
export function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const lacks = (description: string | null | undefined) => !description?.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || DESCRIBED_ELSEWHERE.has(type.name) || isEnumType(type)) continue;
    const isRoot = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) || isUnionType(type)) {
      if (!isRoot && lacks(type.description)) missing.push(type.name);
    } else if (lacks(type.description) && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) {
      missing.push(type.name);
    }
    if (isUnionType(type)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (lacks(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing.sort();
}

describe('schema.graphql descriptions', () => {
  it('describes every type, field, argument and input field (what an API explorer shows)', () => {
    const schema = buildSchema(readFileSync(join(REPO_ROOT, 'schema.graphql'), 'utf8'));
    const missing = undescribedElements(schema);
    if (missing.length) {
      throw new Error(
        `${missing.length} schema elements have no description: add \`description\` to their decorator, then run "npm run schema".\n  ${missing.join('\n  ')}`,
      );
    }
  });
});

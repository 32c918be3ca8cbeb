import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// graphql-schema-linter ships no types; its API is the one its CLI (`npm run lint:schema`) uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { configuration, validator } = require('graphql-schema-linter') as {
  configuration: { Configuration: new (schema: { definition: string }, options: { rules: string[] }) => { getRules(): unknown[] } };
  validator: { validateSchemaDefinition(schema: { definition: string }, rules: unknown[], config: unknown): { ruleName: string }[] };
};

const ROOT = join(__dirname, '..', '..', '..');
const { rules } = JSON.parse(readFileSync(join(ROOT, '.graphql-schema-linterrc'), 'utf8')) as { rules: string[] };

/** The rule names that fire on an SDL, under the repository's own linter configuration. */
function findings(sdl: string): string[] {
  const schema = { definition: sdl };
  const config = new configuration.Configuration(schema, { rules });
  return [...new Set(validator.validateSchemaDefinition(schema, config.getRules(), config).map((e) => e.ruleName))].sort();
}

const GOOD = `
"""A page of a list"""
type PageInfo {
  """Last cursor"""
  endCursor: String
  """Rows follow"""
  hasNextPage: Boolean!
  """Always false"""
  hasPreviousPage: Boolean!
  """First cursor"""
  startCursor: String
}
"""A decision status"""
enum DecisionStatus {
  """Sent to review"""
  PENDING_REVIEW
  """Allowed"""
  RECORDED
}
"""A decision"""
type Decision {
  """Its status"""
  status: DecisionStatus!
}
"""An edge"""
type DecisionEdge {
  """Cursor"""
  cursor: String!
  """The row"""
  node: Decision!
}
"""A page of decisions"""
type DecisionConnection {
  """The rows"""
  edges: [DecisionEdge!]!
  """Paging"""
  pageInfo: PageInfo!
}
"""The queries"""
type Query {
  """Decisions, newest first"""
  decisions(
    """How many"""
    first: Int
    """After this cursor"""
    after: String
  ): DecisionConnection!
}
`;

describe('GraphQL schema conventions (graphql-schema-linter, .graphql-schema-linterrc)', () => {
  it('finds nothing in a schema that follows them', () => {
    expect(findings(GOOD)).toEqual([]);
  });

  it('fires on a lower-case enum value', () => {
    expect(findings(GOOD.replace('  PENDING_REVIEW', '  pending_review'))).toEqual([
      'enum-values-all-caps',
      'enum-values-sorted-alphabetically',
    ]);
  });

  it('fires on an enum value, a field, an argument and a type without a description', () => {
    const bare = GOOD.replace('  """Sent to review"""\n', '')
      .replace('  """Its status"""\n', '')
      .replace('    """How many"""\n', '')
      .replace('"""A decision"""\n', '');
    expect(findings(bare)).toEqual([
      'arguments-have-descriptions',
      'enum-values-have-descriptions',
      'fields-have-descriptions',
      'types-have-descriptions',
    ]);
  });

  it('fires on an input field without a description', () => {
    expect(findings(`${GOOD}\n"""A filter"""\ninput DecisionFilter {\n  status: DecisionStatus\n}\n`)).toEqual([
      'defined-types-are-used',
      'input-object-values-have-descriptions',
    ]);
  });

  it('fires on a Relay PageInfo without hasPreviousPage and startCursor', () => {
    const forwardOnly = GOOD.replace('  """Always false"""\n  hasPreviousPage: Boolean!\n', '').replace(
      '  """First cursor"""\n  startCursor: String\n',
      '',
    );
    expect(findings(forwardOnly)).toEqual(['relay-page-info-spec']);
  });

  it('keeps every rule it lists known to the linter, and drops only descriptions-are-capitalized', () => {
    const known = new configuration.Configuration({ definition: '' }, { rules }).getRules().length;
    expect(known).toBe(rules.length);
    expect(rules).not.toContain('descriptions-are-capitalized');
  });
});

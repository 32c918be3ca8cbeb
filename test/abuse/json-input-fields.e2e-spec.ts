import { TypeMetadataStorage } from '@nestjs/graphql';
import { GraphQLJSON, jsonFieldsOf } from '@attest/core';
import { generateApiSchemaSdl } from '@attest/platform';

/** What an input class declares of itself: its GraphQL name and the JSON-typed fields among its properties. */
function jsonTypedFields(metadata: { name: string; target: unknown; properties?: { name: string; typeFn: () => unknown }[] }[]) {
  return metadata.flatMap(({ name, target, properties }) =>
    (properties ?? [])
      .filter((p) => p.typeFn() === GraphQLJSON)
      .map((p) => ({ type: name, field: p.name, declaredWithJsonField: jsonFieldsOf(target).has(p.name) })),
  );
}

/**
 * Free-form JSON input must arrive as sent: a plain `@Field(() => GraphQLJSON)` on an input
 * class goes through class-transformer, which drops keys named `toString`, `constructor`… at any
 * depth (issue 13, item 5). Every JSON field of an input or arguments class is an `@JsonField`.
 */
describe('free-form JSON input fields', () => {
  beforeAll(() => generateApiSchemaSdl()); // builds the schema: every resolver's classes are loaded and their metadata compiled

  it('are all declared with @JsonField, in input types and argument types', () => {
    const fields = [
      ...jsonTypedFields(TypeMetadataStorage.getInputTypesMetadata()),
      ...jsonTypedFields(TypeMetadataStorage.getArgumentsMetadata()),
    ];
    expect(fields.length).toBeGreaterThan(5); // the check sees them: input, output, context, corrected outputs, schemas…
    expect(fields.filter((f) => !f.declaredWithJsonField)).toEqual([]);
  });
});

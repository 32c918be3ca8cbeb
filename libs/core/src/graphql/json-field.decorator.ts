import { Field, type FieldOptions } from '@nestjs/graphql';
import { GraphQLJSON } from './json.scalar';

const JSON_FIELDS = new WeakMap<object, Set<string>>();

/**
 * A free-form JSON input field. Its value is kept out of class-transformer, which would drop keys
 * named like Object.prototype members (`toString`, `constructor`, …) at any depth, and the global
 * ValidationPipe, which strips `__proto__`, `constructor` and `prototype` keys in place: the value
 * reaches the service as it was sent (see free-form-json.ts).
 */
export function JsonField(options: FieldOptions = {}): PropertyDecorator {
  const field = Field(() => GraphQLJSON, options);
  return (target, property) => {
    field(target, property);
    const own = JSON_FIELDS.get(target.constructor) ?? new Set<string>();
    own.add(String(property));
    JSON_FIELDS.set(target.constructor, own);
  };
}

/** The JSON fields of an input class, its own and inherited. */
export function jsonFieldsOf(type: unknown): ReadonlySet<string> {
  const fields = new Set<string>();
  for (let proto = type; typeof proto === 'function' && proto !== Function.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const field of JSON_FIELDS.get(proto) ?? []) fields.add(field);
  }
  return fields;
}

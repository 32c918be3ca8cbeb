import { Transform } from 'class-transformer';

// A GraphQL filter input read from a REST query string (the CSV exports take "the same filters"):
// GraphQL gives its scalars typed, a query string gives text. These transforms leave typed values
// as they are, so one input class serves both and is validated by the same rules.

/** A DateTime from a query string (ISO 8601); anything else is left for IsDate to refuse. */
export const FromQueryDate = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? (value === '' ? value : new Date(value)) : value));

/** A Float from a query string; anything not numeric becomes NaN, which IsNumber refuses. */
export const FromQueryNumber = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : value));

/** An enum by its GraphQL name (PENDING_REVIEW), as a query string gives it, to the stored value the resolvers see. */
export const FromQueryEnum = (values: Record<string, string>): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' && Object.hasOwn(values, value) ? values[value] : value));

import { ValidateBy } from 'class-validator';

/**
 * The upper bound of a range given with its lower bound on the same input (`to` after `from`,
 * `maxConfidence` with `minConfidence`): a reversed range is VALIDATION_FAILED, not an empty list
 * that looks like "nothing happened". Equal bounds are allowed. Numbers and dates compare alike.
 */
export function IsNotBelow(lower: string): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBelow',
    constraints: [lower],
    validator: {
      validate: (value, args) => {
        const low = (args?.object as Record<string, unknown> | undefined)?.[lower];
        if (!comparable(value) || !comparable(low)) return true; // a missing or malformed bound is its own validators' to report
        return Number(value) >= Number(low);
      },
      defaultMessage: (args) => `${args?.property} must not be below ${lower}`,
    },
  });
}

const comparable = (v: unknown): v is number | Date =>
  (typeof v === 'number' && Number.isFinite(v)) || (v instanceof Date && !Number.isNaN(v.getTime()));

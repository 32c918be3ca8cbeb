import { applyDecorators } from '@nestjs/common';
import { IsDate, ValidateBy } from 'class-validator';

/** Four-digit years of ISO 8601, which every client and PostgreSQL read alike. */
export const EARLIEST_TIME = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_TIME = Date.parse('9999-12-31T23:59:59.999Z');

export function withinCalendar(value: unknown): boolean {
  return value instanceof Date && value.getTime() >= EARLIEST_TIME && value.getTime() <= LATEST_TIME;
}

/**
 * A date input in years 0001 to 9999 (UTC). The DateTime scalar takes any date JavaScript can
 * hold (±275,760 years), but PostgreSQL refuses a timestamp before 4713 BC: unchecked, such an
 * input reached the database and came back as INTERNAL, failing a whole batch.
 */
export function IsWithinCalendar(): PropertyDecorator {
  return applyDecorators(
    IsDate(),
    ValidateBy({
      name: 'isWithinCalendar',
      validator: {
        // Not a date at all is IsDate's to say, once.
        validate: (value) => !(value instanceof Date) || Number.isNaN(value.getTime()) || withinCalendar(value),
        defaultMessage: (args) => `${args?.property} must be a time in the years 0001 to 9999 (UTC)`,
      },
    }),
  );
}

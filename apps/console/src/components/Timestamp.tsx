import { Text, Tooltip, type TextProps } from '@mantine/core';

// dateStyle/timeStyle cannot be combined with timeZoneName: the fields are spelled out.
const FIELDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};
const local = new Intl.DateTimeFormat(undefined, FIELDS);
const utc = new Intl.DateTimeFormat('en-GB', { ...FIELDS, timeZone: 'UTC' });

/** A point in time, always with its zone: the reader's local time, and UTC on hover. */
export function Timestamp({ value, ...props }: { value: string } & TextProps) {
  const date = new Date(value);
  return (
    <Tooltip label={`${utc.format(date)} · ${value}`}>
      <Text component="time" dateTime={value} size="sm" {...props}>
        {local.format(date)}
      </Text>
    </Tooltip>
  );
}

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

/** "3 h 12 min", "2 d 4 h": how long something has waited, to the two largest units. */
export function formatDuration(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [label, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || (parts.length === 0 && label === 's')) parts.push(`${amount} ${label}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

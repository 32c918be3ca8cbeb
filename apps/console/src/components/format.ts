const TIME = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** A time in the reader's locale and zone, with the zone named, e.g. "7 Dec 2026, 09:14:02 UTC". */
export function formatTime(iso: string | null | undefined): string {
  return iso ? TIME.format(new Date(iso)) : '—';
}

/** A free text as a sentence: "No description." when missing, a full stop added when it has none. */
export function sentence(text: string | null | undefined, missing = 'No description.'): string {
  const trimmed = text?.trim();
  if (!trimmed) return missing;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

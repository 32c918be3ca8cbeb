/** A free text as a sentence: "No description." when missing, a full stop added when it has none. */
export function sentence(text: string | null | undefined, missing = 'No description.'): string {
  const trimmed = text?.trim();
  if (!trimmed) return missing;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A confidence as the API gives it (0 to 1), two decimals; a dash when the model gave none. */
export function confidenceText(confidence: number | null | undefined): string {
  return confidence === null || confidence === undefined ? '—' : confidence.toFixed(2);
}

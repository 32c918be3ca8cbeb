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

/**
 * A consignee name as a return slip shows it (../shared/reference/domain.md §4.2: "consignee name (masked)"): the first letter of each
 * word, then one "*" per remaining letter — "Wang Xiaoming" → "W*** X*******". Enough for a person to match a
 * parcel, not enough to read the name off a slip left on a shelf.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((word) => {
      const chars = Array.from(word);
      return chars[0] + '*'.repeat(chars.length - 1);
    })
    .join(' ');
}

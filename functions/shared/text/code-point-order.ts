// Orders identifiers, codes and ISO dates by their code points: what they mean is their characters, not a
// language's collation, and `localeCompare` would load ICU's collator (about 6 ms) on a function's first request.
export function byCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

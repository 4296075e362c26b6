const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'on', 'upon', 'in', 'with', 'at', 'to']);
const UPPER_WORDS = new Set(['NHS', 'ICB', 'UK', 'HSC', 'GP', 'II']);

/**
 * Turns an ODS upper-case name into the way organisations write their own names:
 * "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST" -> "Guy's and St Thomas' NHS Foundation Trust".
 * Rule: NHS-style acronyms stay upper case; joining words are lower case except first; every other
 * word, and each part of a hyphenated word ("Stoke-on-Trent"), is capitalised.
 */
export function titleCaseOdsName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word, index) => {
      if (UPPER_WORDS.has(word)) return word;
      return word
        .split('-')
        .map((part, partIndex) => {
          const lower = part.toLowerCase();
          if ((index > 0 || partIndex > 0) && SMALL_WORDS.has(lower)) return lower;
          return lower.charAt(0).toUpperCase() + lower.slice(1);
        })
        .join('-');
    })
    .join(' ');
}

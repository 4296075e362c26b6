/**
 * The delimiter guessing frictionless-py applies to a CSV resource (issue 28), so the dataset test
 * reads each file as the Frictionless validator would. frictionless-py 5
 * (frictionless/formats/csv/parser.py) takes the file's first 100 lines and asks Python's
 * `csv.Sniffer().sniff(sample, delimiters)`, with the declared delimiter as the only candidate when
 * the resource has a dialect and `",\t;|"` when it has none; a sniff that fails falls back to `,`.
 * This is a line-for-line port of CPython's `Sniffer._guess_quote_and_delimiter` and
 * `_guess_delimiter` (Lib/csv.py), delimiter only; tests/unit/csv-sniffer.test.ts compares it with
 * Python's own where python3 is installed.
 */

/** frictionless-py's candidates when a resource declares no delimiter, and how many lines it samples. */
export const FRICTIONLESS_DELIMITERS = ',\t;|';
export const FRICTIONLESS_SAMPLE_LINES = 100;

/** CPython's `Sniffer.preferred`. */
const PREFERRED = [',', '\t', ';', ' ', ':'];

/** Python's `max(d, key=d.get)`: the first key with the largest value. */
const maxKey = (counts: Map<string, number>) => [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];

/** Python's `str.count` for a non-empty needle: non-overlapping occurrences. */
const countOf = (text: string, needle: string) => text.split(needle).length - 1;

/** `_guess_quote_and_delimiter`: a delimiter found around quoted text, or '' when none. */
function guessQuoteAndDelimiter(data: string, delimiters: string | undefined): string {
  // Python's \w is Unicode-aware on str; DOTALL and MULTILINE as CPython compiles them.
  const w = '\\p{L}\\p{N}_';
  const patterns = [
    `(?<delim>[^${w}\\n"'])(?<space> ?)(?<quote>["']).*?\\k<quote>\\k<delim>`,
    `(?:^|\\n)(?<quote>["']).*?\\k<quote>(?<delim>[^${w}\\n"'])(?<space> ?)`,
    `(?<delim>[^${w}\\n"'])(?<space> ?)(?<quote>["']).*?\\k<quote>(?:$|\\n)`,
    `(?:^|\\n)(?<quote>["']).*?\\k<quote>(?:$|\\n)`,
  ];
  for (const pattern of patterns) {
    const matches = [...data.matchAll(new RegExp(pattern, 'gsmu'))];
    if (matches.length === 0) continue;
    const delims = new Map<string, number>();
    for (const m of matches) {
      const key = m.groups?.delim;
      if (key && (delimiters === undefined || delimiters.includes(key))) delims.set(key, (delims.get(key) ?? 0) + 1);
    }
    if (delims.size === 0) return '';
    const delim = maxKey(delims);
    return delim === '\n' ? '' : delim;
  }
  return '';
}

/** `_guess_delimiter`: the character found the same number of times on (nearly) every line. */
function guessDelimiter(sample: string, delimiters: string | undefined): string {
  const data = sample.split('\n').filter((line) => line !== '');
  const ascii = Array.from({ length: 127 }, (_, c) => String.fromCharCode(c));
  const chunkLength = Math.min(10, data.length);
  let iteration = 0;
  const charFrequency = new Map<string, Map<number, number>>();
  const modes = new Map<string, [number, number]>();
  const delims = new Map<string, [number, number]>();
  let start = 0;
  let end = chunkLength;
  while (start < data.length) {
    iteration++;
    for (const line of data.slice(start, end))
      for (const char of ascii) {
        const meta = charFrequency.get(char) ?? new Map<number, number>();
        const freq = countOf(line, char);
        meta.set(freq, (meta.get(freq) ?? 0) + 1);
        charFrequency.set(char, meta);
      }
    for (const [char, meta] of charFrequency) {
      const items = [...meta];
      if (items.length === 1 && items[0]?.[0] === 0) continue;
      if (items.length > 1) {
        const mode = items.reduce((best, item) => (item[1] > best[1] ? item : best));
        const others = items.filter((item) => item !== mode).reduce((sum, item) => sum + item[1], 0);
        modes.set(char, [mode[0], mode[1] - others]);
      } else if (items[0] !== undefined) modes.set(char, items[0]);
    }
    const total = Math.min(chunkLength * iteration, data.length);
    let consistency = 1.0;
    while (delims.size === 0 && consistency >= 0.9) {
      for (const [k, v] of modes)
        if (v[0] > 0 && v[1] > 0 && v[1] / total >= consistency && (delimiters === undefined || delimiters.includes(k))) delims.set(k, v);
      consistency -= 0.01;
    }
    if (delims.size === 1) return [...delims.keys()][0] ?? '';
    start = end;
    end += chunkLength;
  }
  if (delims.size === 0) return '';
  for (const d of PREFERRED) if (delims.has(d)) return d;
  // Python sorts (value, key) tuples and takes the last.
  const sorted = [...delims].sort(([ka, [a0, a1]], [kb, [b0, b1]]) => a0 - b0 || a1 - b1 || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return sorted.at(-1)?.[0] ?? '';
}

/** `csv.Sniffer().sniff(sample, delimiters).delimiter`, or undefined where Python raises "Could not determine delimiter". */
export function sniffDelimiter(sample: string, delimiters?: string): string | undefined {
  return guessQuoteAndDelimiter(sample, delimiters) || guessDelimiter(sample, delimiters) || undefined;
}

/** The delimiter frictionless-py reads a CSV file with: sniffed over its first 100 lines, `,` when the sniff fails. */
export function frictionlessDelimiter(text: string, declared: string | undefined): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const sample = lines.slice(0, FRICTIONLESS_SAMPLE_LINES).join('');
  return sniffDelimiter(sample, declared ?? FRICTIONLESS_DELIMITERS) ?? ',';
}

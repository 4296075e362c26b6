import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FRICTIONLESS_DELIMITERS, frictionlessDelimiter, sniffDelimiter } from '../support/csv-sniffer';

/**
 * A checks.csv shaped like the one frictionless-py misread (issue 28): quoted notes that quote a
 * page, so a quote sits after `)` rather than a delimiter, with `,` varying and `;` steady per line.
 */
const NOTES = [
  '"Read on its page (""X (formerly Twitter)""). ""Find us on Facebook, X, Instagram""; a staff group is not official"',
  '"Read on its page (""X (formerly Twitter)""); ""Follow us, like us; share"""',
];
const CHECKS = [
  'organisation_id,platform,result,checked,source,note',
  ...['R1A', 'R2B', 'R3C', 'R4D'].flatMap((org, i) =>
    ['facebook', 'x'].map((platform) => `${org},${platform},account-unnamed,2026-11-28,own-page,${NOTES[i % 2]}`),
  ),
].join('\r\n');

const SAMPLES: [string, string][] = [
  ['checks with quoted notes', `${CHECKS}\r\n`],
  ['plain commas', 'a,b,c\r\n1,2,3\r\n4,5,6\r\n'],
  ['semicolons', 'a;b;c\n1;2;3\n4;5;6\n'],
  ['tabs', 'a\tb\tc\n1\t2\t3\n'],
  ['pipes with quoted cells', 'a|"b c"|d\n1|"2"|3\n'],
  ['one column', 'name\nalpha\nbeta\n'],
  ['quoted values between commas', 'id,name,url\nR1,"Guy’s, St Thomas’",https://a.example/\nR2,"Leeds; York",https://b.example/\n'],
];

/** Python's own answer: `csv.Sniffer().sniff(sample, delimiters).delimiter`, or null where it raises. */
function pythonSniff(sample: string, delimiters: string): string | null | undefined {
  const script =
    'import csv, json, sys\nd = json.load(sys.stdin)\ntry: print(json.dumps(csv.Sniffer().sniff(d["s"], d["d"]).delimiter))\nexcept csv.Error: print("null")';
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify({ s: sample, d: delimiters }), encoding: 'utf8' });
  return run.status === 0 ? (JSON.parse(run.stdout) as string | null) : undefined;
}
const hasPython = pythonSniff('a,b\n1,2\n', ',') === ',';

describe('the delimiter frictionless-py guesses', () => {
  it('is `;` for a checks.csv without a dialect, as the validator read it (issue 28), and `,` once the dialect says so', () => {
    expect(frictionlessDelimiter(CHECKS, undefined)).toBe(';');
    expect(frictionlessDelimiter(CHECKS, ',')).toBe(',');
  });

  it.each(SAMPLES)('%s: the port answers as Python’s csv.Sniffer', (_name, sample) => {
    if (!hasPython) {
      console.warn('csv-sniffer: python3 is not installed; the port is not compared with Python here');
      return;
    }
    expect(sniffDelimiter(sample, FRICTIONLESS_DELIMITERS) ?? null).toBe(pythonSniff(sample, FRICTIONLESS_DELIMITERS));
  });
});

/**
 * The extension-side half of "observed figures" (opt-in, off by default): which rules to send to
 * a profile page, and what follower count the texts it sent back honestly support.
 *
 * Honesty rules, stated first: a count is recorded only when it reads unambiguously as a whole
 * number between 0 and 1e9; a rounded count ("12.3K") says it is approximate; and when two
 * readings of the same page disagree by more than their rounding, nothing is recorded.
 */
import * as v from 'valibot';
import type { Platform } from '../social/platforms';
import { type FollowerRule, type FollowerRules, FollowerRulesSchema } from './follower-rule';
import rulesJson from './follower-rules.json';

/** The most followers any account plausibly has; a larger reading is a misread. */
export const MAX_FOLLOWERS = 1e9;

// Checked once at load with the schema the tests use: rules that fail it are dropped whole, so
// a bad edit to the data records nothing rather than recording nonsense.
const parsedRules = v.safeParse(FollowerRulesSchema, rulesJson);
const RULES: FollowerRules = parsedRules.success ? parsedRules.output : {};

/** The rules for `platform`, in order of preference; none for a platform without any. */
export function rulesFor(platform: Platform): readonly FollowerRule[] {
  return RULES[platform] ?? [];
}

/** A count as a page showed it. */
export interface FollowerFigure {
  followers: number;
  /** The page showed a rounded figure ("12.3K"), not the count itself. */
  approximate: boolean;
  /** The size of the last digit shown: 100 for "12.3K", 0 for an exact count. */
  step: number;
}

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * Reads the number that `pattern`'s first group captures in `text`, with its precision, or
 * undefined when the pattern does not match or the number is ambiguous, negative or absurd.
 */
export function parseFollowerFigure(text: string, pattern: string): FollowerFigure | undefined {
  let match: RegExpExecArray | null;
  try {
    // `d` gives the group's position, to see what stands just before it.
    match = new RegExp(pattern, 'id').exec(text);
  } catch {
    return undefined;
  }
  const captured = match?.[1];
  const start = match?.indices?.[1]?.[0];
  if (captured === undefined || start === undefined) return undefined;
  // A minus sign in front ("-5 followers") is not a count.
  if (/[-\u2212\u2010]\s*$/.test(text.slice(Math.max(0, start - 2), start))) return undefined;
  return readNumber(captured);
}

/** The follower count in `text`, as `parseFollowerFigure` reads it, without its precision. */
export function parseFollowerCount(text: string, pattern: string): number | undefined {
  return parseFollowerFigure(text, pattern)?.followers;
}

/**
 * Reads a number as platforms display it: "1,234", "1.234" or "1 234" (grouped thousands);
 * "12.3K", "1,2 k", "1.2M" or "468K" (abbreviated, so approximate); "0".
 * Refused as ambiguous: a fraction without a unit ("12.5"), three decimals with a unit ("1.234K",
 * which is 1,234 in one locale and 1,234,000 in another), and mixed or irregular grouping.
 */
function readNumber(raw: string): FollowerFigure | undefined {
  const shown = raw.replace(/\s+/g, ' ').trim();
  if (/^[-\u2212\u2010]/.test(shown)) return undefined;
  const parts = /^(\d+(?:[.,' ]\d+)*)\s?([kmb])?$/i.exec(shown);
  if (!parts?.[1]) return undefined;
  const digits = parts[1];
  const unit = parts[2]?.toLowerCase();
  const multiplier = unit === undefined ? 1 : (MULTIPLIERS[unit] ?? Number.NaN);
  const groups = digits.split(/[.,' ]/);
  const separators = digits.replace(/\d+/g, '');
  const [head = '', ...tail] = groups;
  let figure: FollowerFigure;
  if (tail.length === 0) {
    figure = { followers: Number(head) * multiplier, approximate: unit !== undefined, step: unit === undefined ? 0 : multiplier };
  } else if (tail.length === 1 && (tail[0] ?? '').length <= 2 && separators !== ' ' && separators !== "'") {
    // "12.3K" or "1,2 k": a decimal fraction, which only an abbreviated count can have.
    const fraction = tail[0] ?? '';
    if (unit === undefined) return undefined;
    const step = multiplier / 10 ** fraction.length;
    figure = { followers: Math.round(Number(`${head}.${fraction}`) * multiplier), approximate: true, step };
  } else {
    // Grouped thousands: one separator throughout, a head of 1 to 3 digits, then groups of 3.
    const regular = /^\d{1,3}$/.test(head) && tail.every((g) => g.length === 3) && new Set(separators).size === 1;
    if (!regular || unit !== undefined) return undefined;
    figure = { followers: Number(groups.join('')), approximate: false, step: 0 };
  }
  const n = figure.followers;
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_FOLLOWERS) return undefined;
  return figure;
}

/** What a profile page showed: the count, the text it was read from, and whether it was rounded. */
export interface ObservedFollowers {
  followers: number;
  text: string;
  approximate: boolean;
}

/** True when two readings can both be true of one count, given the rounding each one shows. */
function agree(a: FollowerFigure, b: FollowerFigure): boolean {
  return Math.abs(a.followers - b.followers) <= Math.max(a.step, b.step);
}

/**
 * The follower count the texts from `readFollowerTexts` support for `platform`: the reading of
 * the first rule that matches, or undefined when none matches or two readings disagree.
 */
export function observeFollowers(
  platform: Platform,
  texts: readonly string[],
  rules: readonly FollowerRule[] = rulesFor(platform),
): ObservedFollowers | undefined {
  const readings: { figure: FollowerFigure; text: string }[] = [];
  for (const rule of rules) {
    for (const text of texts) {
      if (typeof text !== 'string') continue;
      const figure = parseFollowerFigure(text, rule.pattern);
      if (figure) readings.push({ figure, text });
    }
  }
  const first = readings[0];
  if (!first) return undefined;
  // Every pair, not just each against the first: two figures that each round to the first may
  // still contradict each other.
  for (const [i, a] of readings.entries()) {
    if (readings.slice(i + 1).some((b) => !agree(a.figure, b.figure))) return undefined;
  }
  return { followers: first.figure.followers, text: first.text, approximate: first.figure.approximate };
}

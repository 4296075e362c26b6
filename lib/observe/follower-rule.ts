/**
 * One way of finding the follower count an organisation's own profile page shows (the opt-in
 * "observed figures" feature). Rules are data, in follower-rules.json, each proved by a saved
 * sample page under tests/fixtures/social-pages/, so a platform's new markup means editing data
 * and a sample, not code.
 */
import * as v from 'valibot';
import { PLATFORMS, type Platform } from '../social/platforms';

/** Number of capturing groups in a regular expression source, or -1 when it does not compile. */
function groupCount(pattern: string): number {
  try {
    // An empty alternative always matches, so exec returns the whole group array.
    return (new RegExp(`(?:${pattern})|`, 'i').exec('')?.length ?? 0) - 1;
  } catch {
    return -1;
  }
}

const FollowerRuleSchema = v.object({
  platform: v.picklist(PLATFORMS, 'must be a known platform'),
  /** selector: an element's text (or `attribute`); meta: the content of `<meta name|property>`. */
  kind: v.picklist(['selector', 'meta'], 'must be selector or meta'),
  /** A CSS selector, or for `meta` the tag's name or property ("og:description"). */
  selector: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(300, 'is too long')),
  /** Read this attribute (such as `title`, where a page puts the exact count) instead of the text. */
  attribute: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be an attribute name'))),
  /**
   * A regular expression, matched case-insensitively, whose first group captures the number as
   * shown ("12.3K"). Patterns start the group at a digit so the match starts where the number does.
   */
  pattern: v.pipe(
    v.string(),
    v.maxLength(300, 'is too long'),
    v.check((p) => groupCount(p) >= 1, 'must compile and capture the number in a group'),
  ),
  /** The saved sample page (tests/fixtures/social-pages/) that proves the rule. */
  sample: v.pipe(v.string(), v.regex(/^[a-z0-9-]+\.html$/, 'must be a sample file name such as x-profile.html')),
  /** Where the knowledge of this markup comes from, so the next person can check it again. */
  source: v.pipe(v.string(), v.minLength(10, 'must say where the pattern comes from'), v.maxLength(600, 'is too long')),
});

export type FollowerRule = v.InferOutput<typeof FollowerRuleSchema>;

/**
 * The whole rules file: one list per platform, in order of preference (the first rule that
 * matches wins, so exact figures come before rounded ones). A platform may have no list.
 */
export const FollowerRulesSchema = v.pipe(
  v.record(v.string(), v.array(FollowerRuleSchema)),
  v.check(
    (lists) => Object.entries(lists).every(([key, rules]) => rules.every((rule) => rule.platform === key)),
    'every rule must sit in the list of its own platform',
  ),
  v.check(
    (lists) => Object.values(lists).every((rules) => rules.every((rule) => rule.kind === 'selector' || rule.attribute === undefined)),
    'a meta rule reads the content attribute and takes no other',
  ),
);

export type FollowerRules = Partial<Record<Platform, FollowerRule[]>>;

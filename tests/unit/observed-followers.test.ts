import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { type FollowerRule, FollowerRulesSchema } from '../../lib/observe/follower-rule';
import rulesJson from '../../lib/observe/follower-rules.json';
import { MAX_FOLLOWERS, observeFollowers, parseFollowerCount, parseFollowerFigure, rulesFor } from '../../lib/observe/observed-followers';
import { readFollowerTexts } from '../../lib/observe/read-follower-text';
import { PLATFORMS, type Platform } from '../../lib/social/platforms';

const SAMPLES = join(process.cwd(), 'tests/fixtures/social-pages');
const FOLLOWERS = '(\\d[\\d.,\\s]*[kmb]?)\\s*followers?';

/** Parses a saved sample with the test environment's DOM (happy-dom), as the page would be. */
function sample(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(SAMPLES, name), 'utf8'), 'text/html');
}

/** Every rule in the data, with the platform it is listed under. */
const allRules = (Object.entries(rulesJson) as [Platform, FollowerRule[]][]).flatMap(([, rules]) => rules);

describe('follower-rules.json', () => {
  it('validates with the schema the extension checks it with at load', () => {
    const result = v.safeParse(FollowerRulesSchema, rulesJson);
    expect(result.issues?.map((i) => i.message) ?? []).toEqual([]);
    // A rule the extension dropped would silently record nothing on its platform.
    for (const platform of PLATFORMS) expect(rulesFor(platform)).toHaveLength(rulesJson[platform as keyof typeof rulesJson]?.length ?? 0);
  });

  it('has rules for every platform that shows a follower count, and says where each comes from', () => {
    const platforms = new Set(allRules.map((r) => r.platform));
    expect([...platforms].sort()).toEqual([
      'bluesky',
      'facebook',
      'instagram',
      'linkedin',
      'mastodon',
      'threads',
      'tiktok',
      'x',
      'youtube',
    ]);
    for (const rule of allRules) expect(rule.source.length).toBeGreaterThan(30);
  });

  it('refuses a rule listed under another platform, a pattern without a group and a meta rule with an attribute', () => {
    const rule = {
      platform: 'x',
      kind: 'selector',
      selector: 'a',
      pattern: FOLLOWERS,
      sample: 'x-profile.html',
      source: 'a test of the schema',
    };
    expect(v.safeParse(FollowerRulesSchema, { x: [rule] }).success).toBe(true);
    expect(v.safeParse(FollowerRulesSchema, { bluesky: [rule] }).success).toBe(false);
    expect(v.safeParse(FollowerRulesSchema, { x: [{ ...rule, pattern: '\\d+ followers' }] }).success).toBe(false);
    expect(v.safeParse(FollowerRulesSchema, { x: [{ ...rule, pattern: '([' }] }).success).toBe(false);
    expect(v.safeParse(FollowerRulesSchema, { x: [{ ...rule, kind: 'meta', attribute: 'title' }] }).success).toBe(false);
  });

  it.each(
    allRules.map((rule) => [`${rule.platform} ${rule.kind} ${rule.selector}${rule.attribute ? ` @${rule.attribute}` : ''}`, rule] as const),
  )('proves %s with its sample page', (_name, rule) => {
    expect(existsSync(join(SAMPLES, rule.sample)), rule.sample).toBe(true);
    const texts = readFollowerTexts([rule], sample(rule.sample));
    expect(texts.length, `${rule.sample} has nothing for this rule`).toBeGreaterThan(0);
    expect(observeFollowers(rule.platform, texts, [rule])).toBeDefined();
  });
});

describe('observeFollowers on the sample pages', () => {
  // The numbers each sample page shows, written out here so a rule that starts reading the wrong
  // element (the following count, the likes) fails.
  it.each([
    ['x', 'x-profile.html', 468_200, true, '468.2K Followers'],
    ['x', 'x-profile-followers-link.html', 9_876, false, '9,876 Followers'],
    ['bluesky', 'bluesky-profile.html', 12_300, true, '12.3K followers'],
    ['mastodon', 'mastodon-profile.html', 7_890, false, '7,890'],
    ['instagram', 'instagram-profile.html', 12_046, false, '12,046'],
    ['facebook', 'facebook-profile.html', 6_200, true, '6.2K followers'],
    ['facebook', 'facebook-profile-no-slash.html', 3_412, false, '3,412 followers'],
    ['tiktok', 'tiktok-profile.html', 45_600, true, '45.6K'],
    ['youtube', 'youtube-profile.html', 123_000, true, '123K subscribers'],
    ['youtube', 'youtube-profile-legacy.html', 1_230, true, '1.23K subscribers'],
    ['threads', 'threads-profile.html', 8_765, false, '8,765 Followers • 321 Threads. See the latest conversations with @examplenhs.'],
    [
      'linkedin',
      'linkedin-profile.html',
      23_456,
      false,
      'Example Hospitals NHS Foundation Trust | 23,456 followers on LinkedIn. Caring for the people of Exampleton | We run three hospitals and community services.',
    ],
    ['linkedin', 'linkedin-profile-member.html', 23_000, true, '23K followers'],
  ] as const)('reads %s from %s', (platform, file, followers, approximate, text) => {
    const texts = readFollowerTexts(rulesFor(platform), sample(file));
    expect(observeFollowers(platform, texts)).toEqual({ followers, approximate, text });
  });

  it('reads the Mastodon page exactly even though its text and meta tag are rounded, because they agree', () => {
    const texts = readFollowerTexts(rulesFor('mastodon'), sample('mastodon-profile.html'));
    expect(texts).toEqual([
      '7,890',
      '7.9K Followers',
      '1.23K Posts, 456 Following, 7.89K Followers · Official account of Example Hospitals NHS Foundation Trust.',
    ]);
  });

  it('never reads Facebook likes as followers', () => {
    const texts = readFollowerTexts(rulesFor('facebook'), sample('facebook-profile.html'));
    expect(texts.join(' ')).not.toMatch(/likes/);
  });

  it('reads from the page itself when given no root, as when injected into the tab', () => {
    document.documentElement.innerHTML = readFileSync(join(SAMPLES, 'bluesky-profile.html'), 'utf8').replace(/^[\s\S]*?<html[^>]*>/, '');
    expect(observeFollowers('bluesky', readFollowerTexts(rulesFor('bluesky')))?.followers).toBe(12_300);
  });

  afterEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
  });
});

describe('a changed page', () => {
  it.each(PLATFORMS.map((p) => [p]))('records nothing for %s when the markup no longer matches', (platform) => {
    const page = sample('changed-markup.html');
    let texts: string[] = [];
    expect(() => {
      texts = readFollowerTexts(rulesFor(platform), page);
    }).not.toThrow();
    expect(texts).toEqual([]);
    expect(observeFollowers(platform, texts)).toBeUndefined();
  });

  it('survives a rule whose selector or pattern the browser rejects, and still runs the others', () => {
    const good = rulesFor('bluesky')[0]!;
    const broken: FollowerRule[] = [
      { ...good, selector: 'a[href$=' },
      { ...good, selector: '::-invalid-pseudo(' },
      { ...good, pattern: '([' },
      { ...good, kind: 'meta', selector: '"]' },
      good,
    ];
    const page = sample('bluesky-profile.html');
    expect(() => readFollowerTexts(broken, page)).not.toThrow();
    expect(readFollowerTexts(broken, page)).toEqual(['12.3K followers']);
  });

  it('returns nothing rather than throwing when handed something that is not a rule list', () => {
    expect(readFollowerTexts(undefined as unknown as FollowerRule[], sample('bluesky-profile.html'))).toEqual([]);
    expect(readFollowerTexts([null, 42] as unknown as FollowerRule[], sample('bluesky-profile.html'))).toEqual([]);
  });
});

describe('readFollowerTexts', () => {
  const rule = (selector: string, extra: Partial<FollowerRule> = {}): FollowerRule => ({
    platform: 'x',
    kind: 'selector',
    selector,
    pattern: FOLLOWERS,
    sample: 'x-profile.html',
    source: 'a test rule',
    ...extra,
  });
  const page = (body: string) => new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');

  it('is self-contained, so it still works once serialised and injected into a page', () => {
    // executeScript sends the function's source, not its closure: rebuild it from its text alone.
    const injected = new Function(`return (${readFollowerTexts.toString()})`)() as typeof readFollowerTexts;
    expect(injected([rule('a')], page('<a href="/x/followers">1,234 Followers</a>'))).toEqual(['1,234 Followers']);
  });

  it('keeps at most 10 texts of at most 200 characters, without repeats', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a>${i + 1} followers</a><a>${i + 1} followers</a>`).join('');
    const texts = readFollowerTexts([rule('a')], page(links));
    expect(texts).toHaveLength(10);
    expect(new Set(texts).size).toBe(10);
    const long = readFollowerTexts([rule('p')], page(`<p>${'word '.repeat(100)}5,432 followers ${'more '.repeat(100)}</p>`));
    expect(long).toHaveLength(1);
    expect(long[0]!.length).toBeLessThanOrEqual(200);
    expect(long[0]).toContain('5,432 followers');
  });

  it('does not run a count together with a number in the text node before it', () => {
    const texts = readFollowerTexts([rule('h3')], page('<h3><span>Floor 2</span><span>23,456 followers</span></h3>'));
    // "2 23,456" is ambiguous, so nothing is recorded rather than 223,456.
    expect(observeFollowers('x', texts, [rule('h3')])).toBeUndefined();
  });

  it('reads meta tags by name or property, and an attribute when the rule names one', () => {
    const doc = page('');
    doc.head.innerHTML =
      '<meta name="description" content="5 Followers, 2 Following"><meta property="og:description" content="6 Followers">';
    doc.body.innerHTML = '<a title="7,001" href="/followers">7K Followers</a>';
    expect(readFollowerTexts([rule('description', { kind: 'meta' }), rule('og:description', { kind: 'meta' })], doc)).toEqual([
      '5 Followers, 2 Following',
      '6 Followers',
    ]);
    expect(readFollowerTexts([rule('a', { attribute: 'title', pattern: '^(\\d[\\d,]*)$' })], doc)).toEqual(['7,001']);
  });
});

describe('observeFollowers', () => {
  const bluesky = rulesFor('bluesky');

  it('takes the first rule that matches', () => {
    expect(observeFollowers('bluesky', ['12.3K followers'])).toEqual({ followers: 12_300, approximate: true, text: '12.3K followers' });
  });

  it('accepts readings that differ only by their rounding', () => {
    const rules: FollowerRule[] = [
      { ...bluesky[0]!, pattern: '^(\\d[\\d,]*)$' },
      { ...bluesky[0]!, pattern: FOLLOWERS },
    ];
    expect(observeFollowers('bluesky', ['12,345', '12.3K followers'], rules)).toEqual({
      followers: 12_345,
      approximate: false,
      text: '12,345',
    });
  });

  it('records nothing when two readings of the page disagree', () => {
    expect(observeFollowers('bluesky', ['12.3K followers', '45,678 followers'])).toBeUndefined();
    // Each of these agrees with 12.3K, but not with each other.
    expect(observeFollowers('bluesky', ['12.3K followers', '12,210 followers', '12,390 followers'])).toBeUndefined();
    // Two exact counts must be equal.
    expect(observeFollowers('bluesky', ['12,345 followers', '12,346 followers'])).toBeUndefined();
  });

  it('records nothing for a platform without rules, or texts without a count', () => {
    expect(observeFollowers('flickr', ['1,234 followers'])).toBeUndefined();
    expect(observeFollowers('bluesky', [])).toBeUndefined();
    expect(observeFollowers('bluesky', ['Follow us for updates', 'followers'])).toBeUndefined();
  });
});

describe('parseFollowerCount', () => {
  it.each([
    ['1,234 followers', 1_234],
    ['12,345 followers', 12_345],
    ['1,234,567 followers', 1_234_567],
    ['1.234 followers', 1_234],
    ['1 234 followers', 1_234],
    ['1\u202f234 followers', 1_234],
    ['12.3K followers', 12_300],
    ['12.3k followers', 12_300],
    ['1,2 k followers', 1_200],
    ['468K followers', 468_000],
    ['7.89K Followers', 7_890],
    ['1.2M followers', 1_200_000],
    ['1B followers', 1_000_000_000],
    ['0 followers', 0],
    ['1 follower', 1],
  ])('reads %j as %d', (text, expected) => {
    expect(parseFollowerCount(text, FOLLOWERS)).toBe(expected);
  });

  it.each([
    ['no number here', 'no match'],
    ['followers', 'no number'],
    ['lots of followers', 'words'],
    ['99999999999 followers', 'more than 1e9'],
    ['1.5B followers', 'more than 1e9'],
    ['-5 followers', 'negative'],
    ['\u22125 followers', 'negative (minus sign)'],
    ['12.5 followers', 'a fraction without a unit'],
    ['1.234K followers', 'three decimals with a unit: 1,234 or 1,234,000'],
    ['1,234K followers', 'grouped thousands with a unit'],
    ['1,23,456 followers', 'irregular grouping'],
    ['1,234.567 followers', 'mixed separators'],
    ['2 23,456 followers', 'a stray number in front'],
  ])('refuses %j (%s)', (text) => {
    expect(parseFollowerCount(text, FOLLOWERS)).toBeUndefined();
  });

  it('says which counts are rounded, and by how much', () => {
    expect(parseFollowerFigure('12.3K followers', FOLLOWERS)).toEqual({ followers: 12_300, approximate: true, step: 100 });
    expect(parseFollowerFigure('468K followers', FOLLOWERS)).toEqual({ followers: 468_000, approximate: true, step: 1_000 });
    expect(parseFollowerFigure('1,234 followers', FOLLOWERS)).toEqual({ followers: 1_234, approximate: false, step: 0 });
    expect(parseFollowerFigure('0 followers', FOLLOWERS)).toEqual({ followers: 0, approximate: false, step: 0 });
  });

  it('returns undefined for a pattern that does not compile or captures nothing', () => {
    expect(parseFollowerCount('1,234 followers', '([')).toBeUndefined();
    expect(parseFollowerCount('1,234 followers', '\\d+ followers')).toBeUndefined();
  });

  it('never exceeds the limit the correction format accepts', () => {
    expect(MAX_FOLLOWERS).toBe(1e9);
  });
});

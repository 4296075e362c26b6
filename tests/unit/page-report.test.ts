/**
 * Issue 26: a page can replace every built-in the read calls, so the worker bounds what one read
 * costs it: the report's size is checked before anything in it is read, and the JSON-LD parsed and
 * the `sameAs` values classified are capped per block and per page, whichever way the page was read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlSignals } from '../../lib/detect/html-signals';
import { decodePageReport, encodePageReport } from '../../lib/detect/page-report';
import {
  MAX_JSON_LD_PAGE_CHARS,
  MAX_PAGE_READ_CHARS,
  MAX_SAME_AS_PER_BLOCK,
  MAX_SAME_AS_PER_PAGE,
  profilesFromSignals,
  sanitisePageSignals,
} from '../../lib/detect/page-signals';

const PAGE = 'https://www.uclh.nhs.uk/';
const EMPTY = { relMe: [], links: [], jsonLd: [], twitterSite: [] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decodePageReport', () => {
  it('reads back what the page encoded', () => {
    const signals = {
      relMe: ['https://mastodon.example/@a'],
      links: ['https://x.com/a', 'x:1:2'],
      jsonLd: ['{"a":1}'],
      twitterSite: ['@a'],
    };
    expect(decodePageReport(encodePageReport({ url: PAGE, signals }))).toEqual({ url: PAGE, signals });
  });

  it('refuses a report one character over the cap before reading any of it, and takes one at the cap', () => {
    const head = encodePageReport({ url: PAGE, signals: EMPTY });
    const filler = (n: number) => `l${n}:${'a'.repeat(n)}`;
    // A record of exactly the room left: its length field's own digits count too.
    const room = MAX_PAGE_READ_CHARS - head.length;
    const n = room - 2 - String(room).length;
    const atCap = head + filler(n);
    expect(atCap.length).toBe(MAX_PAGE_READ_CHARS);
    expect(decodePageReport(atCap)?.signals.links).toHaveLength(1);
    const over = `${head}${filler(n + 1)}`;
    expect(over.length).toBe(MAX_PAGE_READ_CHARS + 1);
    const slice = vi.spyOn(String.prototype, 'slice');
    const indexOf = vi.spyOn(String.prototype, 'indexOf');
    expect(decodePageReport(over)).toBeUndefined();
    expect([slice, indexOf].map((spy) => spy.mock.calls.length)).toEqual([0, 0]);
  });

  it.each([
    ['not a string', { url: PAGE, signals: EMPTY }],
    ['a length past the end', 'u24:https://www.uclh.nhs.uk/l9:abc'],
    ['no length', 'u:abc'],
    ['an unknown kind', 'u24:https://www.uclh.nhs.uk/z1:a'],
    ['a length that is no number', 'u24:https://www.uclh.nhs.uk/l1e2:a'],
  ])('refuses a report that is %s, whole', (_what, raw) => {
    expect(decodePageReport(raw)).toBeUndefined();
  });
});

describe('sanitisePageSignals (issue 26: sizes first)', () => {
  it('refuses whole a report whose texts add up to more than the cap, before filtering any', () => {
    const block = `{"sameAs":"https://x.com/uclh","pad":"${'a'.repeat(99_000)}"}`;
    const within = { ...EMPTY, jsonLd: [block, block] };
    expect(sanitisePageSignals(within).jsonLd).toHaveLength(2);
    const over = { ...EMPTY, links: ['https://x.com/uclh'], jsonLd: [block, block, block] };
    expect(sanitisePageSignals(over)).toEqual(EMPTY);
  });
});

describe('JSON-LD caps (issue 26)', () => {
  /** A block of `count` distinct `sameAs` addresses that are no profiles (each still parsed as an address). */
  const block = (count: number, offset = 0) =>
    JSON.stringify({ '@type': 'Hospital', sameAs: Array.from({ length: count }, (_, i) => `https://example.org/${offset + i}`) });

  it('reads at most MAX_SAME_AS_PER_BLOCK values a block and MAX_SAME_AS_PER_PAGE a page, whichever way the page was read', () => {
    const blocks = Array.from({ length: 20 }, (_, i) => block(3000, i * 3000));
    expect(blocks.every((b) => b.length < 100_000)).toBe(true);
    const html = blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('');
    for (const signals of [{ ...EMPTY, jsonLd: blocks }, htmlSignals(html)]) {
      const canParse = vi.spyOn(URL, 'canParse');
      expect(profilesFromSignals(signals, PAGE)).toEqual([]);
      expect(canParse.mock.calls.length).toBe(MAX_SAME_AS_PER_PAGE);
      canParse.mockRestore();
    }
    const canParse = vi.spyOn(URL, 'canParse');
    profilesFromSignals({ ...EMPTY, jsonLd: [block(3000)] }, PAGE);
    expect(canParse.mock.calls.length).toBe(MAX_SAME_AS_PER_BLOCK);
  });

  it('parses at most MAX_JSON_LD_PAGE_CHARS of JSON-LD text a page, and still finds a profile in the first blocks', () => {
    const first = JSON.stringify({ sameAs: 'https://x.com/uclh', pad: 'a'.repeat(90_000) });
    const rest = Array.from({ length: 19 }, () => JSON.stringify({ sameAs: 'https://x.com/other', pad: 'b'.repeat(90_000) }));
    const parse = vi.spyOn(JSON, 'parse');
    const found = profilesFromSignals({ ...EMPTY, jsonLd: [first, ...rest] }, PAGE);
    const parsed = parse.mock.calls.reduce((sum, [text]) => sum + String(text).length, 0);
    expect(parsed).toBeLessThanOrEqual(MAX_JSON_LD_PAGE_CHARS);
    expect(found.map((p) => p.url)).toEqual(['https://x.com/uclh', 'https://x.com/other']);
  });
});

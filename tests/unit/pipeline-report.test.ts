import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NhsIndex, Organisation } from '../../lib/index/schema';
import { changeReport, markdownText } from '../../lib/index-build/pipeline/change-report';
import { indexChanges, runFactsFromLines } from '../../lib/index-build/pipeline/index-changes';
import { releaseGate } from '../../lib/index-build/pipeline/release-gate';
import { PLATFORMS } from '../../lib/social/platforms';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';

/** A site read on `checked` that links nothing on any platform but X. */
const noLinkButX = (checked: string): Organisation['platformChecks'] =>
  PLATFORMS.filter((p) => p !== 'x').map((platform) => ({ platform, result: 'no-account', source: 'test-source', checked }));

const org = (id: string, overrides: Partial<Organisation> = {}) => makeOrganisation({ id, name: `Trust ${id}`, ...overrides });
const bluesky = (handle: string, overrides = {}) =>
  makeAccount({ platform: 'bluesky', handle, url: `https://bsky.app/profile/${handle}`, ...overrides });
const noRun = { unreadSites: [], failedFigures: [] };

const previous = makeIndex(
  [
    org('RAA', { accounts: [makeAccount({ handle: 'TrustRAA', url: 'https://x.com/TrustRAA' })] }),
    org('RBB', { accounts: [bluesky('rbb.bsky.social')] }),
    org('RCC', { accounts: [makeAccount({ handle: 'Merged', url: 'https://x.com/Merged' })] }),
    org('RDD'),
    org('REE', { accounts: [makeAccount({ platform: 'facebook', handle: 'Gone', url: 'https://www.facebook.com/Gone' })] }),
  ],
  { indexVersion: 4 },
);
const next = makeIndex(
  [
    org('RAA', {
      accounts: [makeAccount({ handle: 'TrustRAA', url: 'https://x.com/TrustRAA' }), bluesky('raa.bsky.social', { checked: '2026-11-28' })],
    }),
    org('RBB', { accounts: [bluesky('rbb.bsky.social', { state: 'closed', note: 'the platform says deactivated on 2026-11-28' })] }),
    org('RCC'),
    org('RDD', { accounts: [makeAccount({ handle: 'Merged', url: 'https://x.com/Merged' })], platformChecks: noLinkButX('2026-11-28') }),
    org('REE'),
    org('RFF'),
  ],
  { indexVersion: 5 },
);

describe('indexChanges', () => {
  const changes = indexChanges(previous, next, {
    unreadSites: [{ ods: 'REE', url: 'https://www.ree.nhs.uk/', reason: 'HTTP 503 after 3 tries' }],
    failedFigures: [{ ods: 'RBB', url: 'https://bsky.app/profile/rbb.bsky.social', reason: 'HTTP 502 after 4 tries' }],
  });

  it('lists accounts added, closed, moved to another organisation and removed', () => {
    expect(changes.accountsAdded.map((a) => `${a.ods} ${a.url}`)).toEqual(['RAA https://bsky.app/profile/raa.bsky.social']);
    expect(changes.accountsClosed.map((a) => `${a.ods} ${a.handle} ${a.note}`)).toEqual([
      'RBB rbb.bsky.social the platform says deactivated on 2026-11-28',
    ]);
    expect(changes.accountsMoved.map((m) => `${m.fromOds} -> ${m.ods} ${m.handle}`)).toEqual(['RCC -> RDD Merged']);
    expect(changes.accountsRemoved.map((a) => `${a.ods} ${a.handle}`)).toEqual(['REE Gone']);
    expect(changes.organisationsAdded).toEqual([{ ods: 'RFF', name: 'Trust RFF' }]);
  });

  it('lists level changes, and an organisation whose site could not be read stays "unknown", never "none"', () => {
    expect(changes.levelChanges).toEqual([
      { ods: 'RAA', name: 'Trust RAA', from: 'one-known-platform', to: 'several-platforms' },
      { ods: 'RBB', name: 'Trust RBB', from: 'one-known-platform', to: 'unknown' },
      { ods: 'RCC', name: 'Trust RCC', from: 'one-known-platform', to: 'unknown' },
      { ods: 'RDD', name: 'Trust RDD', from: 'unknown', to: 'one-platform' },
      { ods: 'REE', name: 'Trust REE', from: 'one-known-platform', to: 'unknown' },
    ]);
    expect(changes.unreadSites).toEqual([
      { ods: 'REE', name: 'Trust REE', url: 'https://www.ree.nhs.uk/', reason: 'HTTP 503 after 3 tries', level: 'unknown' },
    ]);
  });

  it('says which accounts kept their last figures when the API failed', () => {
    const measured = structuredClone(next);
    const account = measured.organisations[1]?.accounts[0];
    if (account) account.metrics = { measuredAt: '2026-10-01', source: 'test-source', followers: 10 };
    const withFigures = indexChanges(previous, measured, {
      ...noRun,
      failedFigures: [{ ods: 'RBB', url: account?.url ?? '', reason: 'HTTP 502' }],
    });
    expect(withFigures.figuresNotUpdated).toEqual([
      { ods: 'RBB', url: 'https://bsky.app/profile/rbb.bsky.social', reason: 'HTTP 502', kept: '2026-10-01' },
    ]);
    expect(changes.figuresNotUpdated[0]).not.toHaveProperty('kept');
  });

  it('finds nothing between an index and itself', () => {
    const same = indexChanges(previous, previous, noRun);
    expect([same.accountsAdded, same.accountsClosed, same.accountsMoved, same.accountsRemoved, same.levelChanges]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});

describe('runFactsFromLines', () => {
  const line = (value: object) => JSON.stringify(value);

  it('counts a site as unread only when no page of it was read, and reads failed figures', () => {
    const facts = runFactsFromLines(
      [
        line({ type: 'error', ods: 'RBS', url: 'https://alderhey.nhs.uk/', reason: 'HTTP 503', checked: '2026-11-28' }),
        line({ type: 'error', ods: 'RBS', url: 'https://alderhey.nhs.uk/contact', reason: 'HTTP 503', checked: '2026-11-28' }),
        line({ type: 'error', ods: 'RJ1', url: 'https://gstt.nhs.uk/about', reason: 'HTTP 404', checked: '2026-11-28' }),
        line({ type: 'no-link', ods: 'RJ1', platform: 'x', checked: '2026-11-28' }),
        'not json',
        '',
        '[1,2]',
      ],
      [
        line({
          type: 'failed',
          ods: 'RYJ',
          platform: 'bluesky',
          url: 'https://bsky.app/profile/a.bsky.social',
          reason: 'HTTP 502',
          checked: '2026-11-28',
        }),
        '{"type":"failed"}',
      ],
    );
    expect(facts).toEqual({
      unreadSites: [{ ods: 'RBS', url: 'https://alderhey.nhs.uk/', reason: 'HTTP 503' }],
      failedFigures: [{ ods: 'RYJ', url: 'https://bsky.app/profile/a.bsky.social', reason: 'HTTP 502' }],
    });
  });

  it('never throws, whatever the lines hold', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json())), fc.array(fc.oneof(fc.string(), fc.json())), (a, b) => {
        const facts = runFactsFromLines(a, b);
        expect(Array.isArray(facts.unreadSites) && Array.isArray(facts.failedFigures)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('changeReport', () => {
  it('says what changed in sections a maintainer reads, with every unread site "Not yet known"', () => {
    const report = changeReport(
      indexChanges(previous, next, {
        ...noRun,
        unreadSites: [{ ods: 'REE', url: 'https://www.ree.nhs.uk/', reason: 'HTTP 503 after 3 tries' }],
      }),
    );
    expect(report).toMatch(/^# Index refresh: version 4 to 5\n/);
    expect(report).toContain('- 1 account added, 1 closed, 1 moved, 1 removed\n');
    expect(report).toContain('| Trust REE (REE) | `https://www.ree.nhs.uk/` | HTTP 503 after 3 tries | Not yet known |');
    expect(report).toContain('| `https://x.com/Merged` | Trust RCC (RCC) | Trust RDD (RDD) | test-source, 2026-08-01 |');
    expect(report).toContain('| Trust RDD (RDD) | Not yet known | One platform |');
    expect(report).toContain('Every account’s figures were fetched.');
  });

  it('shows what a server said as text, never as Markdown or HTML', () => {
    const report = changeReport(
      indexChanges(previous, previous, {
        ...noRun,
        unreadSites: [
          { ods: 'RAA', url: 'javascript:alert(1)', reason: '<img src=x onerror=alert(1)> | **bold** [link](http://evil.example)\nnext' },
        ],
      }),
    );
    // An address is a code span (never a link); a reason is escaped text.
    expect(report).toContain(
      '| Trust RAA (RAA) | `javascript:alert(1)` | \\<img src=x onerror=alert(1)\\> \\| \\*\\*bold\\*\\* \\[link\\](hxxp://evil.example) next | One platform known |',
    );
    expect(report).not.toMatch(/(^|[^\\])</);
    expect(markdownText('a_b`c')).toBe('a\\_b\\`c');
  });

  it('lets what a server said neither mention anyone nor carry a link into the pull request (issue 26)', () => {
    const report = changeReport(
      indexChanges(previous, previous, {
        ...noRun,
        unreadSites: [
          {
            ods: 'RAA',
            url: 'https://www.raa.nhs.uk/',
            reason:
              'not a web page (text/html; cc @nhs-lens/maintainers @octocat see https://evil.example/x and www.evil.example, mail a@evil.example)',
          },
        ],
      }),
    );
    const row = report.split('\n').find((line) => line.startsWith('| Trust RAA')) ?? '';
    expect(row).toContain('@\u200dnhs-lens/maintainers @\u200doctocat');
    expect(row).toContain('hxxps://evil.example/x and www[.]evil.example');
    expect(row).not.toMatch(/@\w|https?:\/\/evil|www\.evil/);
    // The organisation's own address stays as written, in a code span, where GitHub links nothing.
    expect(row).toContain('`https://www.raa.nhs.uk/`');
  });
});

describe('releaseGate', () => {
  const bigger = makeIndex(
    Array.from({ length: 10 }, (_, i) => org(`RZ${i}`)),
    { indexVersion: 4 },
  );
  const keeping = (count: number, overrides: Partial<NhsIndex> = {}) =>
    makeIndex(bigger.organisations.slice(0, count), { indexVersion: 5, ...overrides });

  it('passes a valid, newer build that keeps at least four fifths of the organisations', () => {
    expect(releaseGate(bigger, keeping(8))).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, string]>([
    [
      'an invalid index',
      { ...keeping(10), organisations: [] },
      'the built index is invalid at $.organisations: must list at least one organisation',
    ],
    ['an index that is not newer', keeping(10, { indexVersion: 4 }), "the built index's version 4 is not newer than the previous 4"],
    [
      'an index that drops more than a fifth of the organisations',
      keeping(7),
      'the built index would drop more than a fifth of the organisations: it would drop 3 of the 10 installed organisations (more than a fifth)',
    ],
    ['not an index at all', 'oops', 'the built index is invalid at $: must be a JSON object (an index), not oops'],
  ])('refuses %s in one line', (_label, built, reason) => {
    const result = releaseGate(bigger, built);
    expect(result).toEqual({ ok: false, reason });
    expect(reason).not.toContain('\n');
  });

  it('does not count an organisation that merged into another as dropped', () => {
    // A copy: keeping() shares its organisations with the other tests' indexes, which run in any order.
    const merged = structuredClone(keeping(7));
    merged.organisations[0]?.predecessors.push(...['RZ7', 'RZ8', 'RZ9'].map((id) => ({ id, domains: [], source: 'test-source' })));
    expect(releaseGate(bigger, merged)).toMatchObject({ ok: true });
  });
});

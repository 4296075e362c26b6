import { describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/browser/messaging';
import { observeFollowersInTab } from '../../lib/browser/observe-followers';
import { planCorrections } from '../../lib/corrections/apply';
import {
  type Correction,
  type CorrectionDraft,
  exportCorrections,
  parseCorrectionsFile,
  validateDraft,
} from '../../lib/corrections/correction';
import { MAX_ISSUE_URL_LENGTH, prefilledIssueUrl } from '../../lib/corrections/issue-link';
import { isReflectedIn } from '../../lib/corrections/status';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';

const NOW = new Date('2026-11-25T10:00:00Z');
const draft = (changes: Partial<CorrectionDraft> = {}): CorrectionDraft => ({
  kind: 'missing-account',
  organisationId: 'RR8',
  platform: 'x',
  handle: '@LTHTrust',
  domain: '',
  evidenceUrl: 'https://www.leedsth.nhs.uk/',
  note: '',
  ...changes,
});

describe('validateDraft', () => {
  it('rebuilds the canonical account address from the handle', () => {
    const result = validateDraft(draft(), 'c-0000000001', NOW);
    expect(result).toEqual({
      ok: true,
      correction: {
        id: 'c-0000000001',
        kind: 'missing-account',
        organisationId: 'RR8',
        platform: 'x',
        handle: 'LTHTrust',
        accountUrl: 'https://x.com/LTHTrust',
        evidenceUrl: 'https://www.leedsth.nhs.uk/',
        note: '',
        createdAt: NOW.toISOString(),
      },
    });
  });

  // Issue 18: the one host-name normaliser (lib/detect/page-url.ts) reads a domain as the index stores it.
  it.each([
    ['WWW.LeedsTH.nhs.uk', 'leedsth.nhs.uk'],
    [' leedsth.nhs.uk. ', 'leedsth.nhs.uk'],
  ])('writes the domain %j as %s', (typed, domain) => {
    const result = validateDraft(draft({ kind: 'missing-domain', domain: typed, note: 'their careers site' }), 'c-0000000001', NOW);
    expect(result.ok && result.correction.domain).toBe(domain);
  });

  it.each<[string, Partial<CorrectionDraft>, keyof CorrectionDraft, RegExp]>([
    ['an X handle that is too long', { handle: 'this_handle_is_far_too_long' }, 'handle', /not a valid X \(Twitter\) account name/],
    ['a share button', { handle: 'https://twitter.com/intent/tweet?text=hi' }, 'handle', /page or share button/],
    ['a link to another platform', { handle: 'https://www.facebook.com/LeedsTHTrust' }, 'handle', /Facebook link/],
    ['a javascript: handle', { platform: 'facebook', handle: 'javascript:alert(1)' }, 'handle', /not a valid Facebook account name/],
    [
      'a look-alike host',
      { platform: 'instagram', handle: 'https://instagrаm.com/leeds' },
      'handle',
      /Instagram link|known social platform/,
    ],
    [
      'a personal LinkedIn profile',
      { platform: 'linkedin', handle: 'https://www.linkedin.com/in/someone' },
      'handle',
      /personal LinkedIn profile/,
    ],
    ['no platform', { platform: '' }, 'platform', /Choose the platform/],
    ['no handle', { handle: ' ' }, 'handle', /Enter the account/],
    ['no evidence', { evidenceUrl: '' }, 'evidenceUrl', /organisation’s own page linking to the account/],
    ['javascript: evidence', { evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl', /Enter the address/],
    ['a bad organisation code', { organisationId: 'rr8;drop' }, 'organisationId', /ODS code/],
    ['a domain with a scheme', { kind: 'missing-domain', domain: 'https://example.nhs.uk/x' }, 'domain', /host name/],
    ['"other" with no note', { kind: 'other' }, 'note', /Say what is wrong/],
  ])('refuses %s, beside the field', (_label, changes, field, message) => {
    const result = validateDraft(draft(changes), 'c-0000000001', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toMatch(message);
  });
});

describe('export and import', () => {
  it('round-trips through the file format', () => {
    const result = validateDraft(draft(), 'c-0000000001', NOW);
    if (!result.ok) throw new Error('expected a valid draft');
    const text = JSON.stringify(exportCorrections([result.correction], NOW));
    expect(parseCorrectionsFile(text)).toEqual({
      ok: true,
      file: { format: 1, exportedAt: NOW.toISOString(), corrections: [result.correction] },
    });
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['another format', JSON.stringify({ format: 2, exportedAt: NOW.toISOString(), corrections: [] }), /format/],
    [
      'a javascript: evidence URL',
      JSON.stringify({
        format: 1,
        exportedAt: NOW.toISOString(),
        corrections: [
          {
            id: 'c-0000000001',
            kind: 'other',
            organisationId: 'RR8',
            evidenceUrl: 'javascript:x',
            note: 'n',
            createdAt: NOW.toISOString(),
          },
        ],
      }),
      /evidenceUrl/,
    ],
  ])('refuses %s', (_label, text, reason) => {
    const result = parseCorrectionsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('prefilledIssueUrl', () => {
  it('puts a structured title and body about this correction only in the address, within the length limit', () => {
    const result = validateDraft(draft({ note: 'x'.repeat(900) }), 'c-0000000001', NOW);
    if (!result.ok) throw new Error('expected a valid draft');
    const url = new URL(
      prefilledIssueUrl('https://github.com/example/nhs-social-lens', result.correction, 'Leeds Teaching Hospitals NHS Trust') ?? '',
    );
    expect(url.pathname).toBe('/example/nhs-social-lens/issues/new');
    expect(url.searchParams.get('title')).toBe('Correction (missing account): Leeds Teaching Hospitals NHS Trust (RR8)');
    expect(url.searchParams.get('body')).toContain('Account: https://x.com/LTHTrust');
    expect(url.href.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
  });
});

describe('observed follower counts', () => {
  const observed = (changes: Partial<CorrectionDraft> = {}) =>
    draft({ kind: 'observed-followers', followers: '12,345', observedOn: '2026-11-24', evidenceUrl: 'https://x.com/LTHTrust', ...changes });

  it('becomes a correction with the count, its day and whether it was rounded', () => {
    const result = validateDraft(observed({ followersApproximate: true }), 'c-0000000009', NOW);
    expect(result).toMatchObject({ ok: true, correction: { observed: { followers: 12345, on: '2026-11-24', approximate: true } } });
  });

  it.each<[Partial<CorrectionDraft>, keyof CorrectionDraft]>([
    [{ followers: '' }, 'followers'],
    [{ followers: '12.3K' }, 'followers'],
    [{ followers: '-4' }, 'followers'],
    [{ observedOn: '2026-12-01' }, 'observedOn'],
    [{ observedOn: 'yesterday' }, 'observedOn'],
  ])('refuses %o beside %s', (changes, field) => {
    const result = validateDraft(observed(changes), 'c-0000000009', NOW);
    expect(result.ok ? {} : Object.keys(result.errors)).toEqual([field]);
  });

  it('is planned only for an account the index lists, and only when newer than its figure', () => {
    const index = makeIndex([
      makeOrganisation({ id: 'RR8', accounts: [makeAccount({ handle: 'LTHTrust', url: 'https://x.com/LTHTrust' })] }),
    ]);
    const correction = (validateDraft(observed(), 'c-0000000009', NOW) as { correction: Correction }).correction;
    expect(planCorrections(index, [], [correction])).toEqual([
      { id: 'c-0000000009', status: 'apply', change: 'RR8: x LTHTrust followers 12345 observed on 2026-11-24' },
    ]);
    const measured = structuredClone(index);
    const account = measured.organisations[0]?.accounts[0];
    if (account) account.metrics = { measuredAt: '2026-11-25', source: 'test-source', followers: 1 };
    expect(planCorrections(measured, [], [correction])[0]).toMatchObject({
      status: 'refused',
      reason: 'the index has a figure as recent or newer',
    });
    expect(isReflectedIn(correction, measured.organisations[0])).toBe(true);
    expect(isReflectedIn(correction, index.organisations[0])).toBe(false);
  });
});

describe('observing followers in a tab (opt-in)', () => {
  const profilePage = (rule: 'social-profile' | 'linked-from-site' = 'social-profile'): TabResult => ({
    state: 'recognised',
    detection: {
      url: 'https://x.com/LTHTrust',
      candidates: [{ organisation: makeOrganisation({ id: 'RR8' }), evidence: { rule, value: 'LTHTrust' }, confidence: 'high' }],
    },
    sightings: [],
    context: [],
    ownCorrections: [],
    index: { version: 1, generatedAt: '2026-11-25', sources: [] },
  });
  const deps = (texts: unknown) => {
    const calls = { read: 0, recorded: [] as unknown[] };
    return {
      calls,
      deps: {
        readInTab: async () => {
          calls.read++;
          if (texts instanceof Error) throw texts;
          return texts;
        },
        record: async (o: unknown) => {
          calls.recorded.push(o);
          return {};
        },
      },
    };
  };

  it('reads nothing unless the user turned it on', async () => {
    const { calls, deps: d } = deps(['12,345 Followers']);
    await observeFollowersInTab(1, profilePage(), { recordObservedFollowers: false }, d);
    expect(calls.read).toBe(0);
  });

  it('reads the organisation’s own profile and records the count it shows', async () => {
    const { calls, deps: d } = deps(['12,345 Followers']);
    await observeFollowersInTab(1, profilePage(), { recordObservedFollowers: true }, d);
    expect(calls.recorded).toEqual([
      { organisationId: 'RR8', platform: 'x', handle: 'LTHTrust', pageUrl: 'https://x.com/LTHTrust', followers: 12345, approximate: false },
    ]);
  });

  it('never reads a profile only linked from a site, and records nothing when the page cannot be read or the rules no longer match', async () => {
    for (const [result, texts] of [
      [profilePage('linked-from-site'), ['12,345 Followers']],
      [profilePage(), new Error('Cannot access contents of the page')],
      [profilePage(), ['Something else entirely']],
      [profilePage(), 'not a list'],
    ] as const) {
      const { calls, deps: d } = deps(texts);
      await expect(observeFollowersInTab(1, result, { recordObservedFollowers: true }, d)).resolves.toBeUndefined();
      expect(calls.recorded).toEqual([]);
    }
  });
});

/** A corrections file holding `corrections`, each a valid missing-account correction changed by its entries (issue 17). */
const fileOf = (...changes: Record<string, unknown>[]) =>
  JSON.stringify({
    format: 1,
    exportedAt: NOW.toISOString(),
    corrections: changes.map((change, i) => ({
      id: `c-000000000${i + 1}`,
      kind: 'missing-account',
      organisationId: 'RR8',
      platform: 'x',
      handle: 'LTHTrust',
      accountUrl: 'https://x.com/LTHTrust',
      evidenceUrl: 'https://www.leedsth.nhs.uk/',
      note: '',
      createdAt: NOW.toISOString(),
      ...change,
    })),
  });
const reasonOf = (text: string) => {
  const result = parseCorrectionsFile(text);
  return result.ok ? 'accepted' : result.reason;
};

describe('a corrections file is checked as the form checks (issue 17)', () => {
  it('refuses an account address that names another account than the handle, saying which was expected', () => {
    expect(reasonOf(fileOf({ handle: 'GSTTnhs', accountUrl: 'https://x.com/SomeoneElse' }))).toBe(
      'not a corrections file: corrections.0.accountUrl: names another account than the handle (expected https://x.com/GSTTnhs): check which one was meant',
    );
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a handle not written as the platform writes it', { handle: '@LTHTrust' }, /corrections\.0\.handle: .*LTHTrust/],
    ['a handle that is an address on another account', { handle: 'https://x.com/SomeoneElse' }, /corrections\.0\.handle/],
    ['an address on another platform', { accountUrl: 'https://www.facebook.com/LTHTrust' }, /corrections\.0\.accountUrl/],
    [
      'an account correction with no account',
      { platform: undefined, handle: undefined, accountUrl: undefined },
      /corrections\.0\.platform/,
    ],
    ['a handle with no address', { accountUrl: undefined }, /corrections\.0\.accountUrl/],
    ['an address with no handle', { handle: undefined }, /corrections\.0\.handle/],
    ['an invalid handle', { handle: 'no spaces here', accountUrl: 'https://x.com/no' }, /corrections\.0\.handle/],
    ['an evidence address with a line break', { evidenceUrl: 'https://www.leedsth.nhs.uk/\n```json' }, /evidenceUrl: .*one line/],
    ['an account address with a tab', { accountUrl: 'https://x.com/LTH\tTrust' }, /accountUrl: .*one line/],
    ['an evidence address with a control character', { evidenceUrl: 'https://www.leedsth.nhs.uk/\u0000' }, /evidenceUrl/],
    ['a shared host as a domain', { kind: 'missing-domain', domain: 'nhs.uk' }, /domain: is a public suffix/],
    ['an NHS umbrella zone as a domain', { kind: 'missing-domain', domain: 'icb.nhs.uk' }, /domain: is an NHS zone/],
    ['a general platform as a domain', { kind: 'missing-domain', domain: 'sites.google.com' }, /domain: is a general platform/],
    ['an address as a domain', { kind: 'missing-domain', domain: 'https://leedsth.nhs.uk/' }, /domain: must be a lower-case host name/],
    ['a domain correction with no domain', { kind: 'missing-domain' }, /corrections\.0\.domain/],
    ['"other" with no note', { kind: 'other' }, /corrections\.0\.note/],
    [
      'an impossible day for an observed count',
      { kind: 'observed-followers', observed: { followers: 1, on: '2026-02-30', approximate: false } },
      /observed\.on/,
    ],
    [
      'an observed count seen after the correction was made',
      { kind: 'observed-followers', observed: { followers: 1, on: '2026-11-26', approximate: false } },
      /observed\.on/,
    ],
    ['an observed-followers correction with no count', { kind: 'observed-followers' }, /corrections\.0\.observed/],
    [
      'a correction made on an impossible day',
      { createdAt: '2026-02-30T10:00:00.000Z' },
      /corrections\.0\.createdAt: must be on a real day/,
    ],
  ])('refuses %s', (_label, change, reason) => {
    expect(reasonOf(fileOf(change))).toMatch(reason);
  });

  it.each<[string, string, string]>([
    ['x', 'LTHTrust', 'https://x.com/LTHTrust'],
    ['facebook', 'profile.php?id=123456789', 'https://www.facebook.com/profile.php?id=123456789'],
    ['instagram', 'leedsth', 'https://www.instagram.com/leedsth'],
    ['youtube', '@leedsth', 'https://www.youtube.com/@leedsth'],
    ['youtube', 'channel/UC0123456789abcdefghijkl', 'https://www.youtube.com/channel/UC0123456789abcdefghijkl'],
    ['linkedin', 'company/leeds-teaching-hospitals', 'https://www.linkedin.com/company/leeds-teaching-hospitals'],
    ['tiktok', '@leedsth', 'https://www.tiktok.com/@leedsth'],
    ['bluesky', 'leedsth.bsky.social', 'https://bsky.app/profile/leedsth.bsky.social'],
    ['threads', '@leedsth', 'https://www.threads.com/@leedsth'],
    ['mastodon', '@leedsth@mastodon.nhs.uk', 'https://mastodon.nhs.uk/@leedsth'],
    ['flickr', 'leedsth', 'https://www.flickr.com/photos/leedsth'],
  ])('accepts a %s account whose address is rebuilt from its handle %s', (platform, handle, accountUrl) => {
    expect(reasonOf(fileOf({ platform, handle, accountUrl }))).toBe('accepted');
  });

  it('accepts an own domain and what the form writes, and refuses the same ids twice in one file', () => {
    expect(
      reasonOf(fileOf({ kind: 'missing-domain', domain: 'leedsth.nhs.uk', platform: undefined, handle: undefined, accountUrl: undefined })),
    ).toBe('accepted');
    expect(reasonOf(fileOf({}, {}))).toBe('accepted');
    expect(reasonOf(fileOf({}, { id: 'c-0000000001', handle: 'Other', accountUrl: 'https://x.com/Other' }))).toMatch(
      /corrections\.1\.id: the same id as corrections\.0/,
    );
  });
});

describe('the form refuses what a file would refuse (issue 17)', () => {
  it.each<[string, Partial<CorrectionDraft>, keyof CorrectionDraft, RegExp]>([
    ['a public suffix as a domain', { kind: 'missing-domain', domain: 'nhs.uk' }, 'domain', /public suffix/],
    ['an NHS umbrella zone as a domain', { kind: 'missing-domain', domain: 'nhs.net' }, 'domain', /NHS zone/],
    ['an evidence address with a line break', { evidenceUrl: 'https://www.leedsth.nhs.uk/\nKind: other' }, 'evidenceUrl', /one line/],
    ['an evidence address with a control character', { evidenceUrl: 'https://www.leedsth.nhs.uk/\u0007' }, 'evidenceUrl', /one line/],
  ])('refuses %s, beside the field', (_label, changes, field, message) => {
    const result = validateDraft(draft(changes), 'c-0000000001', NOW);
    expect(result.ok ? {} : result.errors).toEqual({ [field]: expect.stringMatching(message) });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29'])('refuses %s as the day a count was seen', (observedOn) => {
    const result = validateDraft(
      draft({ kind: 'observed-followers', followers: '12', observedOn, evidenceUrl: 'https://x.com/LTHTrust' }),
      'c-0000000009',
      NOW,
    );
    expect(result.ok ? {} : Object.keys(result.errors)).toEqual(['observedOn']);
  });

  it('refuses an id the file format would refuse, rather than queueing a correction no file can carry', () => {
    const result = validateDraft(draft(), 'NOT AN ID', NOW);
    expect(result.ok).toBe(false);
  });
});

describe('planCorrections: one decision for check and apply (issue 17)', () => {
  const index = makeIndex([makeOrganisation({ id: 'RR8', domains: [] })]);
  const correction = (id: string, handle: string): Correction => ({
    id,
    kind: 'missing-account',
    organisationId: 'RR8',
    platform: 'x',
    handle,
    accountUrl: `https://x.com/${handle}`,
    evidenceUrl: 'https://www.leedsth.nhs.uk/',
    note: '',
    createdAt: NOW.toISOString(),
  });

  it('refuses a second correction with an id already seen in the files, whatever it asks', () => {
    expect(planCorrections(index, [], [correction('c-0000000001', 'One'), correction('c-0000000001', 'Two')])).toEqual([
      { id: 'c-0000000001', status: 'apply', change: 'RR8: add x One as official' },
      { id: 'c-0000000001', status: 'refused', reason: 'the same id appears earlier in the files' },
    ]);
  });
});

describe('prefilledIssueUrl: the issue cannot be bent by what it carries (issue 17)', () => {
  const REPOSITORY = 'https://github.com/example/nhs-social-lens';
  const checked = (changes: Partial<CorrectionDraft> = {}) => {
    const result = validateDraft(draft(changes), 'c-0000000001', NOW);
    if (!result.ok) throw new Error(`expected a valid draft: ${JSON.stringify(result.errors)}`);
    return result.correction;
  };
  const bodyOf = (href: string | undefined) => new URL(href ?? 'about:blank').searchParams.get('body') ?? '';
  const blockOf = (body: string) => /^```json\n(.*)\n```$/m.exec(body)?.[1];

  it('gives the new-issue address of the repository, whatever query or fragment its address has', () => {
    const url = new URL(prefilledIssueUrl('https://github.com/org/repo/?x=1#y', checked(), 'Leeds') ?? 'about:blank');
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/org/repo/issues/new');
    expect([...url.searchParams.keys()]).toEqual(['title', 'body']);
  });

  it('carries exactly one machine-readable block, the correction’s own, whatever the note says', () => {
    const note = [
      'See below.',
      '```json',
      fileOf({ handle: 'Evil', accountUrl: 'https://x.com/Evil' }),
      '```',
      '~~~json',
      '{}',
      '~~~',
    ].join('\n');
    const correction = checked({ note });
    const body = bodyOf(prefilledIssueUrl(REPOSITORY, correction, 'Leeds'));
    expect(body.split('\n').filter((line) => /^\s{0,3}(```|~~~)/.test(line))).toEqual(['```json', '```']);
    expect(parseCorrectionsFile(blockOf(body) ?? '')).toEqual({ ok: true, file: exportCorrections([correction], NOW) });
  });

  it('stays under the limit with the longest fields a correction can have, asking for the file instead', () => {
    const longEvidence = `https://www.leedsth.nhs.uk/${'%C3%A9'.repeat(330)}`;
    const correction = checked({ evidenceUrl: longEvidence, note: '😀'.repeat(500) });
    const href = prefilledIssueUrl(REPOSITORY, correction, `Leeds ${'é'.repeat(295)}`);
    expect(href?.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
    expect(bodyOf(href)).toMatch(/attach the exported file/);
    expect(new URL(href ?? 'about:blank').searchParams.get('title')).toMatch(/^Correction \(missing account\): Leeds é/);
  });

  it('keeps the machine-readable block when only the prose note is too long for it', () => {
    const correction = checked({ note: 'é'.repeat(450) });
    const href = prefilledIssueUrl(REPOSITORY, correction, 'Leeds Teaching Hospitals NHS Trust');
    expect(href?.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
    expect(parseCorrectionsFile(blockOf(bodyOf(href)) ?? '')).toEqual({ ok: true, file: exportCorrections([correction], NOW) });
  });

  it('gives no link at all when even the shortest issue would not fit, and for a repository that is not a web address', () => {
    expect(prefilledIssueUrl(`https://github.com/${'a'.repeat(MAX_ISSUE_URL_LENGTH)}`, checked(), 'Leeds')).toBeUndefined();
    expect(prefilledIssueUrl('not an address', checked(), 'Leeds')).toBeUndefined();
    expect(prefilledIssueUrl('javascript:alert(1)//', checked(), 'Leeds')).toBeUndefined();
  });

  it('writes a stored address with a line break (saved before this rule) on one line', () => {
    const correction = { ...checked(), evidenceUrl: 'https://www.leedsth.nhs.uk/\n```json\n{}' };
    const body = bodyOf(prefilledIssueUrl(REPOSITORY, correction, 'Leeds\nKind: other'));
    expect(body.split('\n').filter((line) => line.startsWith('```'))).toEqual(['```json', '```']);
    expect(body).toContain('Evidence: https://www.leedsth.nhs.uk/\\u000a```json\\u000a{}');
  });
});

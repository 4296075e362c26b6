/** Corrections that arrive from outside (files, the form, the prefilled issue) are checked one way (issue 17). */
import { describe, expect, it } from 'vitest';
import { planCorrections } from '../../lib/corrections/apply';
import {
  type Correction,
  type CorrectionDraft,
  exportCorrections,
  parseCorrectionsFile,
  validateDraft,
} from '../../lib/corrections/correction';
import { MAX_ISSUE_URL_LENGTH, prefilledIssueUrl } from '../../lib/corrections/issue-link';
import { makeIndex, makeOrganisation } from '../support/index-factory';

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
    // Never on an NHS zone such as mastodon.nhs.uk: a Mastodon account is on a social platform's host (issue 26).
    ['mastodon', '@leedsth@mastodon.social', 'https://mastodon.social/@leedsth'],
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

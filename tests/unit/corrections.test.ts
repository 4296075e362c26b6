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
    ['an X handle that is too long', { handle: 'this_handle_is_far_too_long' }, 'handle', /this is not an X \(Twitter\) account name/],
    ['a share button', { handle: 'https://twitter.com/intent/tweet?text=hi' }, 'handle', /page, post or share link, not an account/],
    [
      'a link to another platform',
      { handle: 'https://www.facebook.com/LeedsTHTrust' },
      'handle',
      /This is a Facebook address: choose Facebook/,
    ],
    ['a javascript: handle', { platform: 'facebook', handle: 'javascript:alert(1)' }, 'handle', /not a Facebook account name/],
    [
      'a look-alike host',
      { platform: 'instagram', handle: 'https://instagrаm.com/leeds' },
      'handle',
      /profile address, like https:\/\/www\.instagram\.com/,
    ],
    [
      'a personal LinkedIn profile',
      { platform: 'linkedin', handle: 'https://www.linkedin.com/in/someone' },
      'handle',
      /person’s LinkedIn profile/,
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

import { describe, expect, it } from 'vitest';
import { accountChoices, needsAccount, type SeenProfile, useChoice } from '../../lib/corrections/account-choices';
import { CORRECTION_KINDS } from '../../lib/corrections/correction';
import { makeAccount, makeOrganisation } from '../support/index-factory';

const ORG = makeOrganisation({
  id: 'RR8',
  accounts: [
    makeAccount({ handle: 'LTHTrust', url: 'https://x.com/LTHTrust' }),
    makeAccount({ platform: 'facebook', handle: 'leedsth', url: 'https://www.facebook.com/leedsth', verification: 'unverified' }),
  ],
});

const seen = (
  platform: SeenProfile['platform'],
  handle: string,
  url: string,
  pageUrl = 'https://www.leedsth.nhs.uk/contact',
): SeenProfile => ({
  accountKey: `${platform}:${handle.toLowerCase()}`,
  platform,
  handle,
  url,
  pageUrl,
});

describe('needsAccount', () => {
  it('asks for an account for a missing, wrong, closed or observed one only', () => {
    expect(CORRECTION_KINDS.filter(needsAccount)).toEqual(['missing-account', 'wrong-account', 'account-closed', 'observed-followers']);
  });
});

describe('accountChoices', () => {
  it('offers, for a missing account, the profiles its own site linked to that the index lacks, then its unverified ones', () => {
    const choices = accountChoices('missing-account', ORG, [
      seen('x', 'lthtrust', 'https://x.com/lthtrust'), // already listed (handles compare without case)
      seen('instagram', 'leedsth', 'https://www.instagram.com/leedsth/'),
      seen('bluesky', 'leedsth.bsky.social', 'https://bsky.app/profile/leedsth.bsky.social', 'not an address'),
    ]);
    expect(choices).toEqual([
      {
        group: 'site',
        platform: 'instagram',
        handle: 'leedsth',
        url: 'https://www.instagram.com/leedsth/',
        evidence: 'https://www.leedsth.nhs.uk/contact',
        why: 'linked from www.leedsth.nhs.uk',
      },
      {
        group: 'site',
        platform: 'bluesky',
        handle: 'leedsth.bsky.social',
        url: 'https://bsky.app/profile/leedsth.bsky.social',
        evidence: 'not an address',
        why: 'linked from not an address',
      },
      // Under its own heading: the index holds it unverified; its site was not seen to link it (issue 30).
      {
        group: 'unverified',
        platform: 'facebook',
        handle: 'leedsth',
        url: 'https://www.facebook.com/leedsth',
        evidence: '',
        why: 'possibly theirs',
      },
    ]);
  });

  it.each(['wrong-account', 'account-closed', 'observed-followers'] as const)('offers, for %s, every account the index lists', (kind) => {
    const choices = accountChoices(kind, ORG, [seen('instagram', 'leedsth', 'https://www.instagram.com/leedsth/')]);
    expect(choices.map((c) => [c.group, c.platform, c.handle, c.evidence, c.why])).toEqual([
      ['index', 'x', 'LTHTrust', '', 'in the index'],
      ['index', 'facebook', 'leedsth', '', 'in the index, unverified'],
    ]);
  });

  it('offers nothing when there is nothing to pick', () => {
    expect(accountChoices('missing-account', makeOrganisation(), [])).toEqual([]);
    expect(accountChoices('wrong-account', makeOrganisation(), [])).toEqual([]);
  });
});

describe('useChoice', () => {
  const choice = {
    group: 'site' as const,
    platform: 'instagram' as const,
    handle: 'leedsth',
    url: 'https://www.instagram.com/leedsth/',
    evidence: 'https://www.leedsth.nhs.uk/contact',
    why: 'linked from www.leedsth.nhs.uk',
  };

  it('fills in the account by its address, and the page that linked it as the evidence', () => {
    expect(useChoice(choice, { evidenceUrl: '  ' })).toEqual({
      platform: 'instagram',
      handle: 'https://www.instagram.com/leedsth/',
      evidenceUrl: 'https://www.leedsth.nhs.uk/contact',
    });
  });

  it('keeps evidence the user typed, and adds none when the choice has none', () => {
    expect(useChoice(choice, { evidenceUrl: 'https://www.leedsth.nhs.uk/' })).toEqual({
      platform: 'instagram',
      handle: 'https://www.instagram.com/leedsth/',
    });
    expect(useChoice({ ...choice, evidence: '' }, { evidenceUrl: '' })).toEqual({
      platform: 'instagram',
      handle: 'https://www.instagram.com/leedsth/',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { badgeFor, showBadge } from '../../../lib/browser/badge';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeAccount, makeOrganisation } from '../../support/index-factory';

describe('badgeFor', () => {
  const detection = (orgs: ReturnType<typeof makeOrganisation>[]) => ({
    state: 'recognised' as const,
    detection: {
      url: 'https://x.nhs.uk/',
      candidates: orgs.map((organisation) => ({
        organisation,
        evidence: { rule: 'domain' as const, value: 'x.nhs.uk' },
        confidence: 'high' as const,
      })),
    },
    sightings: [],
    ownCorrections: [],
    context: [],
    index: { version: 1, generatedAt: '2026-11-25T00:00:00Z', sources: [] },
  });

  it('counts official platforms, not unverified ones', () => {
    const org = makeOrganisation({
      accounts: [
        makeAccount({ handle: 'a', url: 'https://x.com/a', checked: '2026' }),
        {
          platform: 'facebook',
          handle: 'b',
          url: 'https://www.facebook.com/b',
          verification: 'unverified',
          state: 'unknown',
          source: 'test-source',
          checked: '2026',
        },
      ],
    });
    expect(badgeFor(detection([org])).text).toBe('1');
  });

  it('shows how many organisations share a site', () => {
    expect(badgeFor(detection([makeOrganisation(), makeOrganisation({ id: 'RJ1' })]))).toMatchObject({
      text: '2?',
      title: 'NHS Social Lens: 2 organisations share this site',
    });
  });

  it.each([
    [[], '?', '#4c6272'],
    [['x'], '1', '#005eb8'],
    [['x', 'bluesky'], '2', '#007f3b'],
  ] as const)('for accounts on %j shows %s in the level’s colour %s', (platforms, text, colour) => {
    const accounts = platforms.map((platform) => ({
      platform,
      handle: 'a',
      url: 'https://x.com/a',
      verification: 'official' as const,
      state: 'active' as const,
      source: 'test-source',
      checked: '2026',
    }));
    expect(badgeFor(detection([makeOrganisation({ accounts })]))).toMatchObject({ text, colour });
  });

  it('is left empty when the user turned the badge off', async () => {
    const set: string[] = [];
    const action = {
      setBadgeText: async ({ text }: { text: string }) => void set.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    };
    await showBadge(action, 1, detection([makeOrganisation()]), { ...DEFAULT_SETTINGS, showBadge: false });
    expect(set).toEqual(['']);
  });

  it('is empty when nothing is recognised', () => {
    expect(badgeFor({ state: 'not-recognised' }).text).toBe('');
  });
});

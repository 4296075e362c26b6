import { describe, expect, it } from 'vitest';
import { badgeFor, showBadge } from '../../../lib/browser/badge';
import { BADGE_LEGEND, LEVEL_COLOURS } from '../../../lib/metrics/badge-legend';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { PLATFORMS, type Platform } from '../../../lib/social/platforms';
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

describe('the badge legend (issue 30)', () => {
  const recognised = (orgs: ReturnType<typeof makeOrganisation>[]) => ({
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
  const official = (platform: Platform) =>
    makeAccount({ platform, handle: 'a', url: `https://x.com/a`, verification: 'official', state: 'active', checked: '2026-01-01' });
  const checkedNone = PLATFORMS.map((platform) => ({
    platform,
    result: 'no-account' as const,
    source: 'test-source',
    checked: '2026-01-01',
  }));

  /** The badge the toolbar shows for each legend entry, made by badgeFor itself. */
  const shown: Record<string, ReturnType<typeof badgeFor>> = {
    '3': badgeFor(recognised([makeOrganisation({ accounts: [official('x'), official('facebook'), official('youtube')] })])),
    '1': badgeFor(recognised([makeOrganisation({ accounts: [official('x')] })])),
    '0': badgeFor(recognised([makeOrganisation({ accounts: [], platformChecks: checkedNone })])),
    '?': badgeFor(recognised([makeOrganisation()])),
    '2?': badgeFor(recognised([makeOrganisation(), makeOrganisation({ id: 'RJ1' })])),
    '': badgeFor({ state: 'not-recognised' }),
  };

  it.each(BADGE_LEGEND.map((entry) => [entry.label, entry] as const))('shows "%s" as the toolbar does', (_label, entry) => {
    const badge = shown[entry.text];
    expect(badge?.text).toBe(entry.text);
    if (entry.colour !== '') expect(badge?.colour).toBe(entry.colour);
  });

  it('tells "none found" from "not yet known" by text and by a colour far from the other, each readable in white', () => {
    expect(shown['0']?.text).toBe('0');
    expect(shown['?']?.text).toBe('?');
    expect(contrast(LEVEL_COLOURS.none, LEVEL_COLOURS.unknown)).toBeGreaterThanOrEqual(2);
    for (const colour of Object.values(LEVEL_COLOURS)) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

/** WCAG's contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

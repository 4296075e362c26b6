import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSharedZone } from '../../lib/index/host-rules';
import { DEFAULT_SETTINGS, disabledSiteFor, isSiteDisabled, SETTINGS_MIGRATIONS, SETTINGS_VERSION, siteKey } from '../../lib/settings';

/** What version 1 of the extension stored: the user's choices, before the fields version 2 added. */
const VERSION_1 = {
  showBadge: false,
  showInPageFlag: true,
  countedPlatforms: ['x', 'bluesky'],
  staleAfterDays: 90,
  refreshSchedule: 'monthly',
  indexSource: 'https://mirror.example/nsl/',
};

describe('settings migrations', () => {
  it('has one migration for every version after the first', () => {
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number)).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });

  it('version 1 → 2 keeps every choice and starts the new fields at their defaults (opt-ins off)', () => {
    const migrated = SETTINGS_MIGRATIONS[2]?.(VERSION_1);
    expect(migrated).toEqual({
      ...VERSION_1,
      disabledSites: [],
      showOwnSuggestions: true,
      recordObservedFollowers: false,
      repositoryUrl: '',
      researchLog: false,
    });
  });

  it('version 2 → 3 keeps every choice and leaves live figures to a click (issue 19)', () => {
    const version2 = { ...DEFAULT_SETTINGS, researchLog: true, recordObservedFollowers: true } as Record<string, unknown>;
    delete version2.liveFiguresAutomatic;
    expect(SETTINGS_MIGRATIONS[3]?.(version2)).toEqual({ ...version2, liveFiguresAutomatic: false });
  });

  it('every migration from version 1 in turn gives every field of the current settings', () => {
    let value: Record<string, unknown> = VERSION_1;
    for (let version = 2; version <= SETTINGS_VERSION; version++) value = SETTINGS_MIGRATIONS[version]?.(value) ?? {};
    expect(Object.keys(value).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  describe('through the storage item, as the extension runs it', () => {
    let settingsModule: typeof import('../../lib/browser/settings');
    beforeAll(async () => {
      // wxt's storage reads the browser's API when first imported: give it the in-memory one.
      (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
      settingsModule = await import('../../lib/browser/settings');
    });

    it('migrates a version 1 value found in storage once, on first read', async () => {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ settings: VERSION_1, settings$: { v: 1 } });
      await settingsModule.settingsItem.migrate();
      const settings = await settingsModule.readSettings();
      expect(settings).toMatchObject({ ...VERSION_1, researchLog: false, disabledSites: [], liveFiguresAutomatic: false });
      expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
    });

    it('drops a zone an earlier version stored, such as nhs.uk, keeping the sites (issue 17)', async () => {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({
        settings: { ...DEFAULT_SETTINGS, disabledSites: ['nhs.uk', 'uclh.nhs.uk', 'co.uk'] },
        settings$: { v: SETTINGS_VERSION },
      });
      await expect(settingsModule.readSettings(isSharedZone)).resolves.toMatchObject({ disabledSites: ['uclh.nhs.uk'] });
    });

    it('gives the defaults on a fresh install', async () => {
      fakeBrowser.reset();
      await expect(settingsModule.readSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    });
  });
});

describe('per-site switch', () => {
  it('matches the site and its subdomains, ignoring www. and case', () => {
    const settings = { disabledSites: [siteKey('WWW.UCLH.nhs.uk', isSharedZone) ?? ''] };
    expect(settings.disabledSites).toEqual(['uclh.nhs.uk']);
    expect(isSiteDisabled(settings, 'www.uclh.nhs.uk', isSharedZone)).toBe(true);
    expect(isSiteDisabled(settings, 'news.uclh.nhs.uk', isSharedZone)).toBe(true);
    expect(isSiteDisabled(settings, 'notuclh.nhs.uk', isSharedZone)).toBe(false);
    expect(isSiteDisabled(settings, 'nhs.uk', isSharedZone)).toBe(false);
  });

  // Issue 17: a switch covers a site and every host under it, so it never names a zone.
  it.each([
    ['www.uclh.nhs.uk', 'uclh.nhs.uk'],
    ['WWW.NHS.UK', 'www.nhs.uk'],
    ['www.gov.uk', 'www.gov.uk'],
    ['nhs.uk', undefined],
    ['gov.uk', undefined],
    ['co.uk', undefined],
    ['nhs.net', undefined],
    ['icb.nhs.uk', undefined],
    ['www.example.co.uk', 'example.co.uk'],
    ['x.com', 'x.com'],
    // Issue 18: one host-name normaliser, so an address written with the root's dot names the same site.
    ['www.uclh.nhs.uk.', 'uclh.nhs.uk'],
  ])('names %s as %s', (hostname, site) => {
    expect(siteKey(hostname, isSharedZone)).toBe(site);
  });

  it('never honours a stored zone, which would switch off every trust under it (issue 17)', () => {
    expect(isSiteDisabled({ disabledSites: ['nhs.uk'] }, 'www.uclh.nhs.uk', isSharedZone)).toBe(false);
    expect(isSiteDisabled({ disabledSites: ['gov.uk', 'co.uk'] }, 'www.example.co.uk', isSharedZone)).toBe(false);
    expect(isSiteDisabled({ disabledSites: ['nhs.uk', 'www.nhs.uk'] }, 'www.nhs.uk', isSharedZone)).toBe(true);
  });

  it('names the stored site that covers a host, so turning it back on removes exactly that', () => {
    expect(disabledSiteFor({ disabledSites: ['www.uclh.nhs.uk'] }, 'www.uclh.nhs.uk', isSharedZone)).toBe('www.uclh.nhs.uk');
    expect(disabledSiteFor({ disabledSites: ['uclh.nhs.uk'] }, 'news.uclh.nhs.uk', isSharedZone)).toBe('uclh.nhs.uk');
    expect(disabledSiteFor({ disabledSites: ['uclh.nhs.uk'] }, 'kch.nhs.uk', isSharedZone)).toBeUndefined();
    expect(disabledSiteFor({ disabledSites: ['uclh.nhs.uk'] }, 'WWW.UCLH.NHS.UK.', isSharedZone)).toBe('uclh.nhs.uk');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isSiteDisabled, SETTINGS_MIGRATIONS, SETTINGS_VERSION, siteKey } from '../../lib/settings';

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
    expect(Object.keys(migrated ?? {}).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
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
      expect(settings).toMatchObject({ ...VERSION_1, researchLog: false, disabledSites: [] });
      expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
    });

    it('gives the defaults on a fresh install', async () => {
      fakeBrowser.reset();
      await expect(settingsModule.readSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    });
  });
});

describe('per-site switch', () => {
  it('matches the site and its subdomains, ignoring www. and case', () => {
    const settings = { disabledSites: [siteKey('WWW.UCLH.nhs.uk')] };
    expect(settings.disabledSites).toEqual(['uclh.nhs.uk']);
    expect(isSiteDisabled(settings, 'www.uclh.nhs.uk')).toBe(true);
    expect(isSiteDisabled(settings, 'news.uclh.nhs.uk')).toBe(true);
    expect(isSiteDisabled(settings, 'notuclh.nhs.uk')).toBe(false);
    expect(isSiteDisabled(settings, 'nhs.uk')).toBe(false);
  });
});

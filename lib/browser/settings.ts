/**
 * The user's settings: one typed item in the extension's local storage, with defaults and a
 * version, migrated once by `SETTINGS_MIGRATIONS` when an older version is found.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type IsZone, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, switchableSites } from '../settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/**
 * The settings, with any field an older version lacked filled from the defaults. Given `isZone`
 * (the background does), without any switched-off zone an older version stored: nhs.uk would
 * switch off every trust (issue 17).
 */
export async function readSettings(isZone?: IsZone): Promise<Settings> {
  const settings = { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  return isZone ? { ...settings, disabledSites: switchableSites(settings.disabledSites, isZone) } : settings;
}

/**
 * The user's settings: one typed item in the extension's local storage, with defaults and a
 * version so later releases can migrate it.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The settings, with any field an older version lacked filled from the defaults. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

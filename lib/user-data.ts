/**
 * The user's own data as one file: settings and corrections, exported from the options page and
 * imported back (on another browser, say). Checked field by field before anything is replaced.
 */
import * as v from 'valibot';
import { issueText } from './corrections/correction';
import { MAX_STORED_CORRECTIONS, type StoredCorrection, StoredCorrectionSchema } from './corrections/stored-correction';
import { isSharedZone } from './index/host-rules';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema, switchableSites } from './settings';

export const USER_DATA_FORMAT = 'nhs-social-lens-user-data';
export const USER_DATA_VERSION = 1;
/** Far above any real file: a larger one is refused before it is parsed. */
export const MAX_USER_DATA_BYTES = 5_000_000;

const UserDataSchema = v.object({
  format: v.literal(USER_DATA_FORMAT),
  version: v.literal(USER_DATA_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  // Settings from an older release may lack newer fields: those take their defaults.
  settings: v.partial(SettingsSchema),
  corrections: v.pipe(v.array(StoredCorrectionSchema), v.maxLength(MAX_STORED_CORRECTIONS)),
});

export interface UserData {
  format: typeof USER_DATA_FORMAT;
  version: typeof USER_DATA_VERSION;
  exportedAt: string;
  settings: Settings;
  corrections: StoredCorrection[];
}

export function exportUserData(settings: Settings, corrections: readonly StoredCorrection[], now: Date): UserData {
  return { format: USER_DATA_FORMAT, version: USER_DATA_VERSION, exportedAt: now.toISOString(), settings, corrections: [...corrections] };
}

/** Reads a file the user chose to import, refusing anything that is not one with the first problem and where it is. */
export function parseUserData(text: string): { ok: true; data: UserData } | { ok: false; reason: string } {
  if (text.length > MAX_USER_DATA_BYTES) return { ok: false, reason: 'the file is too large to be an NHS Social Lens export' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'corrections')
    return { ok: false, reason: 'this is a corrections file for the maintainers, not a settings export' };
  const parsed = v.safeParse(UserDataSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { ok: false, reason: `not an NHS Social Lens settings export: ${issueText(issue)}` };
  }
  const data = parsed.output;
  const settings = { ...DEFAULT_SETTINGS, ...data.settings };
  // A switched-off zone (nhs.uk, from an older version) would switch off every site under it: dropped (issue 17).
  settings.disabledSites = switchableSites(settings.disabledSites, isSharedZone);
  return { ok: true, data: { ...data, settings } };
}

/**
 * What an import would change, said before the user confirms it. `sourceAllowed`: whether the
 * browser already lets the extension read from the file's published copy's host, in which case it
 * does not ask again (issue 26).
 */
export function describeImport(
  current: Settings,
  currentCorrectionIds: ReadonlySet<string>,
  data: UserData,
  sourceAllowed = false,
): string[] {
  const changed = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter(
    (key) => JSON.stringify(current[key]) !== JSON.stringify(data.settings[key]),
  );
  const replacing = data.corrections.filter((c) => currentCorrectionIds.has(c.id)).length;
  const source = data.settings.indexSource;
  return [
    changed.length === 0
      ? 'Settings: no change.'
      : `Settings: ${changed.length} would change (${changed.map((k) => SETTING_NAMES[k]).join(', ')}).`,
    `Corrections: ${data.corrections.length - replacing} new${replacing > 0 ? `, ${replacing} would replace yours with the same id` : ''}.`,
    // Said before the browser asks, as typing a source would ask (issue 17); and when it will not
    // ask, because the host is already allowed, that is said instead (issue 26).
    ...(source !== '' && source !== current.indexSource
      ? [
          sourceAllowed
            ? `Published copy: ${source}. NHS Social Lens is already allowed to read from ${new URL(source).origin}, so the browser will not ask you again: the index will be read from there at the next refresh.`
            : `Published copy: ${source}. The browser will ask you to let NHS Social Lens read from ${new URL(source).origin}.`,
        ]
      : []),
  ];
}

const SETTING_NAMES: Record<keyof Settings, string> = {
  showBadge: 'toolbar badge',
  showInPageFlag: 'in-page label',
  countedPlatforms: 'platforms that count',
  staleAfterDays: 'age warning',
  refreshSchedule: 'refresh schedule',
  indexSource: 'published copy',
  disabledSites: 'switched-off sites',
  showOwnSuggestions: 'own suggestions in the popup',
  recordObservedFollowers: 'observed follower counts',
  repositoryUrl: 'project repository',
  researchLog: 'research log',
  liveFiguresAutomatic: 'live figures without a click',
};

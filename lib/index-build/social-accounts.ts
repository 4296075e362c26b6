/**
 * Merges the social-accounts table (data/sources/nhs-social-accounts.csv) into the organisations:
 * each row becomes an account, or a platform check where the source names no handle.
 */
import type { Account, Organisation, PlatformCheck } from '../index/schema';
import type { Platform } from '../social/platforms';
import { explainRejection } from '../social/profile-rejections';
import { parseHandle } from '../social/profile-url';
import type { BuildReport } from './build-report';
import { cell, factDate, type Row } from './cells';
import { socialSourceId } from './sources';

/** The table's platform names. */
const SOCIAL_PLATFORMS: Record<string, Platform> = {
  x_twitter: 'x',
  facebook: 'facebook',
  instagram: 'instagram',
  youtube: 'youtube',
  linkedin: 'linkedin',
  flickr: 'flickr',
  tiktok: 'tiktok',
  bluesky: 'bluesky',
  threads: 'threads',
};

/** How the curators mark a row they doubt, in its note. */
const LOW_CONFIDENCE = /LOW CONFIDENCE/i;

/**
 * Accounts from the social-accounts table. Rows marked low confidence are kept as unverified
 * candidates unless a second source names the same account; duplicates keep the newest check.
 */
export function addSocialAccounts(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): Set<string> {
  const used = new Set<string>();
  const byKey = new Map<string, { account: Account; sources: Set<string>; lowConfidence: boolean }>();
  for (const row of rows) {
    const label = `${cell(row, 'ods_code') || '(no code)'} ${cell(row, 'platform')} ${cell(row, 'handle_or_url') || '(no handle)'}`;
    const org = organisations.get(cell(row, 'ods_code'));
    const platform = SOCIAL_PLATFORMS[cell(row, 'platform')];
    const handle = cell(row, 'handle_or_url');
    if (org === undefined) {
      report.dropped.push({
        table: 'nhs-social-accounts.csv',
        row: label,
        reason: 'organisation is not in the index (no current ODS code)',
      });
      continue;
    }
    if (platform === undefined) {
      report.dropped.push({ table: 'nhs-social-accounts.csv', row: label, reason: `unknown platform ${cell(row, 'platform')}` });
      continue;
    }
    if (handle === '') {
      org.platformChecks.push({
        platform,
        result: platformCheckResult(cell(row, 'source_note')),
        source: socialSourceId(cell(row, 'source_id')),
        checked: factDate(cell(row, 'followers_date')),
        ...(cell(row, 'source_note') ? { note: cell(row, 'source_note').slice(0, 300) } : {}),
      });
      used.add(socialSourceId(cell(row, 'source_id')));
      report.dropped.push({
        table: 'nhs-social-accounts.csv',
        row: label,
        reason: 'the source names no handle: kept as a platform check, not an account',
      });
      continue;
    }
    const parsed = parseHandle(platform, handle);
    if (!parsed.ok) {
      report.dropped.push({ table: 'nhs-social-accounts.csv', row: label, reason: `handle ${explainRejection(parsed)}` });
      continue;
    }
    const sourceId = socialSourceId(cell(row, 'source_id'));
    const lowConfidence = LOW_CONFIDENCE.test(cell(row, 'source_note'));
    const key = `${org.id}|${parsed.profile.url.toLowerCase()}`;
    const account: Account = {
      platform,
      handle: parsed.profile.handle,
      url: parsed.profile.url,
      verification: lowConfidence ? 'unverified' : 'official',
      state: 'unknown',
      source: sourceId,
      checked: factDate(cell(row, 'followers_date')),
      ...(cell(row, 'source_note') ? { note: cell(row, 'source_note').slice(0, 300) } : {}),
    };
    const existing = byKey.get(key);
    if (existing) {
      const newer = account.checked > existing.account.checked ? account : existing.account;
      const older = newer === account ? existing.account : account;
      report.conflicts.push({
        subject: `${org.id} ${account.url}`,
        kept: newer.source,
        dropped: older.source,
        rule: 'same account: newest check wins',
      });
      existing.sources.add(sourceId);
      existing.lowConfidence &&= lowConfidence;
      existing.account = newer;
    } else {
      byKey.set(key, { account, sources: new Set([sourceId]), lowConfidence });
    }
    used.add(sourceId);
  }
  for (const [key, entry] of byKey) {
    const org = organisations.get(key.split('|')[0] ?? '');
    if (!org) continue;
    // A second, independent source confirms a low-confidence row.
    const verification = entry.lowConfidence && entry.sources.size < 2 ? 'unverified' : 'official';
    org.accounts.push({ ...entry.account, verification });
  }
  return used;
}

/**
 * What a row that names no handle says about the platform, from the words of its note: a closed
 * or suspended account, one that stopped posting, or else an account the source did not name.
 */
function platformCheckResult(note: string): PlatformCheck['result'] {
  if (/\b(closed|suspended|deleted|left)\b/i.test(note)) return 'closed';
  if (/\b(stepped away|stopped posting|no longer posts?)\b/i.test(note)) return 'dormant';
  return 'account-unnamed';
}

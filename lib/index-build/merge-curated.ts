import type { CuratedCorrection } from '../corrections/apply';
import type { IndexSource, Organisation } from '../index/schema';
import { accountKey } from '../social/profile-url';
import type { BuildReport } from './build-report';

export const CURATED_SOURCE_ID = 'volunteer-corrections';

/**
 * Reviewed volunteer corrections (data/curated/corrections.jsonl), applied after the public
 * sources so a reviewed fact wins; each one says who reviewed it, when, and its evidence.
 */
export function mergeCurated(
  organisations: Map<string, Organisation>,
  corrections: readonly CuratedCorrection[],
  report: BuildReport,
): IndexSource[] {
  let used = false;
  let newest = '';
  for (const c of corrections) {
    const org = organisations.get(c.organisationId);
    if (org === undefined) {
      report.dropped.push({ table: 'data/curated/corrections.jsonl', row: c.id, reason: `no organisation ${c.organisationId}` });
      continue;
    }
    const note = `volunteer correction, reviewed ${c.reviewedAt} by ${c.reviewer}; evidence ${c.evidenceUrl}`.slice(0, 300);
    const key = c.platform && c.handle ? accountKey(c.platform, c.handle) : '';
    const existing = org.accounts.find((a) => key !== '' && accountKey(a.platform, a.handle) === key);
    if (c.kind === 'missing-account' && c.platform && c.handle && c.accountUrl) {
      if (existing) Object.assign(existing, { verification: 'official', source: CURATED_SOURCE_ID, checked: c.reviewedAt, note });
      else
        org.accounts.push({
          platform: c.platform,
          handle: c.handle,
          url: c.accountUrl,
          verification: 'official',
          state: 'unknown',
          source: CURATED_SOURCE_ID,
          checked: c.reviewedAt,
          note,
        });
    } else if (c.kind === 'account-closed' && existing) {
      Object.assign(existing, { state: 'closed', source: CURATED_SOURCE_ID, checked: c.reviewedAt, note });
    } else if (c.kind === 'wrong-account' && existing) {
      org.accounts = org.accounts.filter((a) => a !== existing);
      report.conflicts.push({
        subject: `${org.id} ${existing.url}`,
        kept: CURATED_SOURCE_ID,
        dropped: existing.source,
        rule: 'a reviewed correction says the account is not theirs',
      });
    } else if (
      c.kind === 'observed-followers' &&
      existing &&
      c.observed &&
      !(existing.metrics && existing.metrics.measuredAt >= c.observed.on)
    ) {
      // A count the volunteer read off the profile page: a figure of its own, with its own date and source.
      existing.metrics = { measuredAt: c.observed.on, source: CURATED_SOURCE_ID, followers: c.observed.followers };
    } else if (c.kind === 'missing-domain' && c.domain && !org.domains.some((d) => d.host === c.domain)) {
      org.domains.push({ host: c.domain, source: CURATED_SOURCE_ID, checked: c.reviewedAt, note });
    } else {
      report.dropped.push({ table: 'data/curated/corrections.jsonl', row: c.id, reason: 'nothing to change' });
      continue;
    }
    used = true;
    if (c.reviewedAt > newest) newest = c.reviewedAt;
  }
  return used
    ? [
        {
          id: CURATED_SOURCE_ID,
          name: 'Volunteer corrections, reviewed by the NHS Social Lens maintainers',
          licence: 'CC0-1.0',
          date: newest,
        },
      ]
    : [];
}

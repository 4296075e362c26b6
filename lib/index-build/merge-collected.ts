/**
 * Merges what the maintainers' commands collected into the organisations being built:
 * `accounts discover` findings (data/discovered/*.jsonl) and `metrics collect` snapshots
 * (data/metrics/*.jsonl). Each file is one dated source; files are read oldest first, so a newer
 * fact replaces an older one. Every line that cannot be used is reported with a reason.
 */
import * as v from 'valibot';
import { pageMatchPatterns, underPagePatterns } from '../detect/pages';
import type { Account, IndexSource, MonthlyFigure, NhsIndex, Organisation } from '../index/schema';
import { PLATFORMS } from '../social/platforms';
import { accountKey, parseProfileUrl } from '../social/profile-url';
import type { BuildReport } from './build-report';

export interface CollectedFile {
  /** The file name, such as `2026-11-25.jsonl`: it names the source. */
  name: string;
  lines: string[];
}

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Platform = v.picklist(PLATFORMS);
const AccountFinding = v.object({
  type: v.literal('account'),
  ods: v.string(),
  platform: Platform,
  url: v.string(),
  foundOn: v.string(),
  checked: Day,
});
const NoLinkFinding = v.object({ type: v.literal('no-link'), ods: v.string(), platform: Platform, checked: Day });
const ErrorFinding = v.object({ type: v.literal('error') });
const Finding = v.variant('type', [AccountFinding, NoLinkFinding, ErrorFinding]);

const Count = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)));
const MetricsLine = v.object({
  type: v.literal('metrics'),
  platform: Platform,
  url: v.string(),
  measuredAt: Day,
  api: v.string(),
  followers: Count,
  postsTotal: Count,
  posts30d: Count,
  replyShare30d: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  engagementPerPost30d: v.optional(v.pipe(v.number(), v.minValue(0))),
  lastPostAt: v.optional(Day),
});
const GoneLine = v.object({
  type: v.literal('gone'),
  platform: Platform,
  url: v.string(),
  checked: Day,
  reason: v.picklist(['not-found', 'suspended', 'deactivated']),
});
const FailedLine = v.object({ type: v.literal('failed') });
const SnapshotLine = v.variant('type', [MetricsLine, GoneLine, FailedLine]);

function parseLines<T>(file: CollectedFile, schema: v.GenericSchema<unknown, T>, table: string, report: BuildReport): T[] {
  const out: T[] = [];
  file.lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      report.dropped.push({ table: `${table}/${file.name}`, row: `line ${i + 1}`, reason: 'not JSON' });
      return;
    }
    const parsed = v.safeParse(schema, data);
    if (parsed.success) out.push(parsed.output);
    else
      report.dropped.push({
        table: `${table}/${file.name}`,
        row: `line ${i + 1}`,
        reason: `not a known line (${parsed.issues[0]?.message ?? 'bad shape'})`,
      });
  });
  return out;
}

const sourceIdOf = (prefix: string, file: CollectedFile) =>
  `${prefix}-${file.name
    .replace(/\.jsonl$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')}`;

/**
 * An account linked from the organisation's own website is official: that is the strongest
 * evidence there is, so it also confirms an unverified candidate. A platform whose pages link no
 * account becomes a "no-account" check for that date.
 */
export function mergeDiscoveries(
  organisations: Map<string, Organisation>,
  files: readonly CollectedFile[],
  report: BuildReport,
): IndexSource[] {
  const sources: IndexSource[] = [];
  // The index's domains and every host the extension may read from install are never a social
  // platform's (issue 26): a crawled rel="me" link there is not an account.
  const notPlatformHost = underPagePatterns(pageMatchPatterns({ organisations: [...organisations.values()] } as NhsIndex));
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const source = sourceIdOf('discovery', file);
    const findings = parseLines(file, Finding, 'data/discovered', report);
    let used = false;
    for (const finding of findings) {
      if (finding.type === 'error') continue;
      const org = organisations.get(finding.ods);
      if (org === undefined) {
        report.dropped.push({
          table: `data/discovered/${file.name}`,
          row: `${finding.ods} ${finding.platform}`,
          reason: 'organisation is not in the index',
        });
        continue;
      }
      used = true;
      if (finding.type === 'no-link') {
        org.platformChecks.push({
          platform: finding.platform,
          result: 'no-account',
          source,
          checked: finding.checked,
          note: 'no link from the pages of its own website that were read',
        });
        continue;
      }
      const host = URL.canParse(finding.url) ? new URL(finding.url).hostname : '';
      const parsed = parseProfileUrl(finding.url, finding.platform === 'mastodon' && host !== '' ? new Set([host]) : undefined);
      if (!parsed.ok || parsed.profile.platform !== finding.platform) {
        report.dropped.push({ table: `data/discovered/${file.name}`, row: `${finding.ods} ${finding.url}`, reason: 'not a profile URL' });
        continue;
      }
      if (parsed.profile.platform === 'mastodon' && notPlatformHost(host)) {
        report.dropped.push({
          table: `data/discovered/${file.name}`,
          row: `${finding.ods} ${finding.url}`,
          reason: 'on an NHS organisation’s own domain or a host the extension reads, not a social platform’s',
        });
        continue;
      }
      const key = accountKey(parsed.profile.platform, parsed.profile.handle);
      const existing = org.accounts.find((a) => accountKey(a.platform, a.handle) === key);
      const note = `linked from ${finding.foundOn}`.slice(0, 300);
      if (existing) {
        report.conflicts.push({
          subject: `${org.id} ${existing.url}`,
          kept: source,
          dropped: existing.source,
          rule: 'a link from the organisation’s own site confirms the account; newest check wins',
        });
        Object.assign(existing, { verification: 'official', source, checked: finding.checked, note });
      } else {
        org.accounts.push({ ...parsed.profile, verification: 'official', state: 'unknown', source, checked: finding.checked, note });
      }
    }
    if (used) {
      sources.push({
        id: source,
        name: `NHS Social Lens account discovery run (${file.name}): links from the organisations’ own websites`,
        licence: 'CC0-1.0',
        date: findings.find((f) => 'checked' in f)?.checked ?? file.name.slice(0, 10),
      });
    }
  }
  return sources;
}

/**
 * Platform figures from `metrics collect`: the newest snapshot gives each account its metrics,
 * and the last figure of every month is kept as its history. An account the platform says is gone
 * is recorded as closed, with the date, never as live.
 */
export function mergeMetrics(
  organisations: Map<string, Organisation>,
  files: readonly CollectedFile[],
  report: BuildReport,
): IndexSource[] {
  const byUrl = new Map<string, Account[]>();
  for (const org of organisations.values())
    for (const account of org.accounts) byUrl.set(account.url, [...(byUrl.get(account.url) ?? []), account]);
  const sources = new Map<string, IndexSource>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const line of parseLines(file, SnapshotLine, 'data/metrics', report)) {
      if (line.type === 'failed') continue;
      const accounts = byUrl.get(line.url);
      if (accounts === undefined) {
        report.dropped.push({ table: `data/metrics/${file.name}`, row: line.url, reason: 'no account in the index has this URL' });
        continue;
      }
      if (line.type === 'gone') {
        for (const account of accounts)
          Object.assign(account, {
            state: 'closed',
            checked: line.checked,
            note: `the platform says ${line.reason.replace('-', ' ')} on ${line.checked}`,
          });
        continue;
      }
      const source = `metrics-${line.api}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
      sources.set(source, {
        id: source,
        name: `Public figures from the ${line.api} API, collected by NHS Social Lens`,
        licence: 'figures published by the platform',
        date: line.measuredAt,
      });
      const { type: _type, platform: _platform, url: _url, api: _api, ...figures } = line;
      for (const account of accounts) {
        if (account.metrics === undefined || account.metrics.measuredAt <= line.measuredAt) account.metrics = { ...figures, source };
        if (line.followers !== undefined)
          account.history = withMonthlyFigure(account.history ?? [], line.measuredAt.slice(0, 7), line.followers);
      }
    }
  }
  return [...sources.values()];
}

function withMonthlyFigure(history: MonthlyFigure[], month: string, followers: number): MonthlyFigure[] {
  // Files are read oldest first, so the last figure seen in a month is that month's.
  return [...history.filter((h) => h.month !== month), { month, followers }].sort((a, b) => a.month.localeCompare(b.month));
}

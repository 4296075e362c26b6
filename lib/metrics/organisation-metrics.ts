import type { Organisation } from '../index/schema';
import type { Platform } from '../social/platforms';

export interface OrganisationMetrics {
  /** Followers summed over official, open accounts with a measured figure (a person following two accounts counts twice). */
  followers?: number;
  posts30d?: number;
  /** Replies over posts, across the accounts measured (weighted by their posts). */
  replyShare30d?: number;
  lastPostAt?: string;
  measuredAccounts: number;
  unmeasuredAccounts: number;
}

/** Combines an organisation's account figures by the rules above (docs/metrics.md); `platform` narrows to one platform. */
export function organisationMetrics(org: Organisation, platform?: Platform): OrganisationMetrics {
  const accounts = org.accounts.filter(
    (a) => a.verification === 'official' && a.state !== 'closed' && (platform === undefined || a.platform === platform),
  );
  const measured = accounts.filter((a) => a.metrics !== undefined);
  const out: OrganisationMetrics = { measuredAccounts: measured.length, unmeasuredAccounts: accounts.length - measured.length };
  const sum = (values: (number | undefined)[]) => {
    const known = values.filter((v): v is number => v !== undefined);
    return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
  };
  const followers = sum(measured.map((a) => a.metrics?.followers));
  if (followers !== undefined) out.followers = followers;
  const posts = sum(measured.map((a) => a.metrics?.posts30d));
  if (posts !== undefined) out.posts30d = posts;
  const withShare = measured.filter(
    (a) => a.metrics?.replyShare30d !== undefined && a.metrics.posts30d !== undefined && a.metrics.posts30d > 0,
  );
  const sharePosts = sum(withShare.map((a) => a.metrics?.posts30d));
  if (sharePosts !== undefined && sharePosts > 0) {
    const replies = withShare.reduce((total, a) => total + (a.metrics?.replyShare30d ?? 0) * (a.metrics?.posts30d ?? 0), 0);
    out.replyShare30d = Math.round((replies / sharePosts) * 1000) / 1000;
  }
  const last = measured
    .map((a) => a.metrics?.lastPostAt)
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  if (last !== undefined) out.lastPostAt = last;
  return out;
}

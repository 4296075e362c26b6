import type { AccountMetrics } from '../index/schema';

/** One post as the collectors normalise it from any platform's API. */
export interface PostRecord {
  createdAt: string;
  /** A reply to someone else's post (a thread continuing one's own post is not a reply). */
  isReply: boolean;
  /** A repost (retweet, boost) of someone else's post: not the account's own writing. */
  isRepost: boolean;
  likes?: number;
  reposts?: number;
  replies?: number;
}

/** The window the activity figures cover. */
export const ACTIVITY_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

type PostFigures = Pick<AccountMetrics, 'posts30d' | 'replyShare30d' | 'engagementPerPost30d' | 'lastPostAt'>;

/**
 * Activity figures from an account's recent posts (docs/metrics.md):
 * - posts30d: own posts and replies in the 30 days up to `now`; reposts are not counted;
 * - replyShare30d: the share of those that are replies (absent when there are none);
 * - engagementPerPost30d: (likes + reposts + replies) per post over those posts, only when every
 *   post carries all three counts (absent otherwise: unknown is not zero);
 * - lastPostAt: the date of the newest own post in `posts`, which must be the newest the API gave.
 */
export function metricsFromPosts(posts: readonly PostRecord[], now: Date): PostFigures {
  const own = posts.filter((p) => !p.isRepost && Number.isFinite(Date.parse(p.createdAt)));
  const since = now.getTime() - ACTIVITY_WINDOW_DAYS * DAY_MS;
  const recent = own.filter((p) => {
    const at = Date.parse(p.createdAt);
    return at > since && at <= now.getTime();
  });
  const newest = own.reduce<string | undefined>(
    (latest, p) => (latest === undefined || p.createdAt > latest ? p.createdAt : latest),
    undefined,
  );
  const figures: PostFigures = { posts30d: recent.length };
  if (newest !== undefined) figures.lastPostAt = newest.slice(0, 10);
  if (recent.length === 0) return figures;
  figures.replyShare30d = round(recent.filter((p) => p.isReply).length / recent.length);
  if (recent.every((p) => p.likes !== undefined && p.reposts !== undefined && p.replies !== undefined)) {
    const total = recent.reduce((sum, p) => sum + (p.likes ?? 0) + (p.reposts ?? 0) + (p.replies ?? 0), 0);
    figures.engagementPerPost30d = round(total / recent.length);
  }
  return figures;
}

/** Engagement per post per 1,000 followers: comparable across accounts of different sizes. */
export function engagementPerThousandFollowers(metrics: Pick<AccountMetrics, 'engagementPerPost30d' | 'followers'>): number | undefined {
  if (metrics.engagementPerPost30d === undefined || metrics.followers === undefined || metrics.followers === 0) return undefined;
  return round((metrics.engagementPerPost30d / metrics.followers) * 1000);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

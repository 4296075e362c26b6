/**
 * Bluesky, through the public AppView's XRPC API (docs.bsky.app, lexicons
 * app.bsky.actor.getProfile and app.bsky.feed.getAuthorFeed): followers and total posts from the
 * profile; posts, replies and engagement in the last 30 days from the author feed.
 */
import { ACTIVITY_WINDOW_DAYS, metricsFromPosts, type PostRecord } from '../metrics/post-metrics';
import { asCount, asRecord, type Collector, failed, gone, measured, saneTimestamp } from './types';

const MAX_FEED_PAGES = 5;

export function blueskyCollector(base = 'https://public.api.bsky.app'): Collector {
  return {
    api: 'bluesky-appview',
    async collect(target, get, now) {
      const actor = encodeURIComponent(target.handle);
      const profile = await get(`${base}/xrpc/app.bsky.actor.getProfile?actor=${actor}`);
      if (!profile.ok) return failed(target, now, profile.reason);
      const body = asRecord(profile.json);
      if (profile.status === 400 && body) {
        if (body.error === 'AccountTakedown') return gone(target, now, 'suspended');
        if (body.error === 'AccountDeactivated') return gone(target, now, 'deactivated');
        if (body.error === 'InvalidRequest' && /not found/i.test(String(body.message))) return gone(target, now, 'not-found');
      }
      if (profile.status !== 200 || body === undefined || typeof body.did !== 'string')
        return failed(target, now, `unexpected profile answer (HTTP ${profile.status})`);

      const posts: PostRecord[] = [];
      const since = now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000;
      let cursor: string | undefined;
      for (let page = 0; page < MAX_FEED_PAGES; page++) {
        const feed = await get(
          `${base}/xrpc/app.bsky.feed.getAuthorFeed?actor=${actor}&limit=100&filter=posts_with_replies${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        if (!feed.ok) return failed(target, now, feed.reason);
        const feedBody = asRecord(feed.json);
        if (feed.status !== 200 || !Array.isArray(feedBody?.feed))
          return failed(target, now, `unexpected feed answer (HTTP ${feed.status})`);
        for (const item of feedBody.feed) posts.push(...postRecord(item, body.did, now));
        cursor = typeof feedBody.cursor === 'string' ? feedBody.cursor : undefined;
        const oldest = posts.at(-1)?.createdAt;
        if (cursor === undefined || (oldest !== undefined && Date.parse(oldest) < since)) break;
      }
      return measured(target, now, 'bluesky-appview', {
        ...optional('followers', asCount(body.followersCount)),
        ...optional('postsTotal', asCount(body.postsCount)),
        ...metricsFromPosts(posts, now),
      });
    },
  };
}

function postRecord(item: unknown, ownDid: string, now: Date): PostRecord[] {
  const entry = asRecord(item);
  const post = asRecord(entry?.post);
  const record = asRecord(post?.record);
  // A post dated outside the sane range is not read at all (issue 26).
  const createdAt = saneTimestamp(record?.createdAt, now);
  if (!post || !record || createdAt === undefined) return [];
  const reason = asRecord(entry?.reason);
  const parentUri = String(asRecord(asRecord(record.reply)?.parent)?.uri ?? '');
  return [
    {
      createdAt,
      // A reply to one's own post continues a thread; only replies to others are conversation.
      isReply: parentUri !== '' && !parentUri.startsWith(`at://${ownDid}/`),
      isRepost: reason?.$type === 'app.bsky.feed.defs#reasonRepost',
      ...optional('likes', asCount(post.likeCount)),
      ...optional('reposts', asCount(post.repostCount)),
      ...optional('replies', asCount(post.replyCount)),
    },
  ];
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

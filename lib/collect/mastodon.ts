/**
 * Mastodon, through each instance's REST API (docs.joinmastodon.org, v4: GET
 * /api/v1/accounts/lookup and GET /api/v1/accounts/:id/statuses).
 */
import { ACTIVITY_WINDOW_DAYS, metricsFromPosts, type PostRecord } from '../metrics/post-metrics';
import { asCount, asRecord, type Collector, failed, gone, measured, saneTimestamp } from './types';

const MAX_STATUS_PAGES = 3;

/** `instanceBase` maps an instance host to its base URL (tests point it at loopback). */
export function mastodonCollector(instanceBase = (host: string) => `https://${host}`): Collector {
  return {
    api: 'mastodon',
    async collect(target, get, now) {
      const [, user = '', host = ''] = /^@([^@]+)@(.+)$/.exec(target.handle) ?? [];
      if (user === '' || host === '') return failed(target, now, `not a Mastodon handle (${target.handle})`);
      const base = instanceBase(host);
      const lookup = await get(`${base}/api/v1/accounts/lookup?acct=${encodeURIComponent(user)}`);
      if (!lookup.ok) return failed(target, now, lookup.reason);
      if (lookup.status === 404) return gone(target, now, 'not-found');
      if (lookup.status === 410) return gone(target, now, 'suspended');
      const account = asRecord(lookup.json);
      if (lookup.status !== 200 || account === undefined || typeof account.id !== 'string')
        return failed(target, now, `unexpected account answer (HTTP ${lookup.status})`);
      if (account.suspended === true) return gone(target, now, 'suspended');

      const posts: PostRecord[] = [];
      const since = now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000;
      let maxId = '';
      for (let page = 0; page < MAX_STATUS_PAGES; page++) {
        const statuses = await get(
          `${base}/api/v1/accounts/${encodeURIComponent(account.id)}/statuses?limit=40${maxId ? `&max_id=${encodeURIComponent(maxId)}` : ''}`,
        );
        if (!statuses.ok) return failed(target, now, statuses.reason);
        if (statuses.status !== 200 || !Array.isArray(statuses.json))
          return failed(target, now, `unexpected statuses answer (HTTP ${statuses.status})`);
        const list = statuses.json.map(asRecord).filter((s): s is Record<string, unknown> => s !== undefined);
        for (const status of list) {
          // A status dated outside the sane range is not read at all (issue 26).
          const createdAt = saneTimestamp(status.created_at, now);
          if (createdAt === undefined) continue;
          const replyTo = status.in_reply_to_account_id;
          posts.push({
            createdAt,
            isReply: typeof replyTo === 'string' && replyTo !== account.id,
            isRepost: status.reblog !== null && status.reblog !== undefined,
            ...count('likes', status.favourites_count),
            ...count('reposts', status.reblogs_count),
            ...count('replies', status.replies_count),
          });
        }
        const last = list.at(-1);
        if (list.length === 0 || typeof last?.id !== 'string' || Date.parse(String(last.created_at)) < since) break;
        maxId = last.id;
      }
      return measured(target, now, 'mastodon', {
        ...count('followers', account.followers_count),
        ...count('postsTotal', account.statuses_count),
        ...metricsFromPosts(posts, now),
      });
    },
  };
}

function count<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  const n = asCount(value);
  return n === undefined ? {} : ({ [key]: n } as Record<K, number>);
}

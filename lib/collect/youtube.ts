/**
 * YouTube, through the Data API v3 (developers.google.com/youtube/v3/docs/channels/list), which
 * needs a key: subscribers and total videos per channel. Recent activity would cost far more quota
 * (search or playlist items), so posts in the last 30 days are "not measured" for YouTube.
 */
import { asCount, asRecord, type Collector, failed, gone, measured } from './types';

export function youtubeCollector(apiKey: string, base = 'https://www.googleapis.com'): Collector {
  return {
    api: 'youtube-data-v3',
    async collect(target, get, now) {
      const selector = channelSelector(target.handle);
      if (selector === undefined)
        return failed(target, now, 'a /c/ custom URL cannot be looked up in the API: the index needs the channel id or @handle');
      const answer = await get(`${base}/youtube/v3/channels?part=statistics&${selector}&key=${encodeURIComponent(apiKey)}`);
      if (!answer.ok) return failed(target, now, answer.reason);
      const body = asRecord(answer.json);
      if (answer.status !== 200 || body === undefined) {
        const error = asRecord(body?.error);
        const first = Array.isArray(error?.errors) ? asRecord(error.errors[0]) : undefined;
        const reason = first?.reason ?? error?.message ?? `HTTP ${answer.status}`;
        return failed(target, now, `YouTube refused: ${String(reason)}`);
      }
      const item = Array.isArray(body.items) ? asRecord(body.items[0]) : undefined;
      if (item === undefined) return gone(target, now, 'not-found');
      const statistics = asRecord(item.statistics) ?? {};
      const followers = statistics.hiddenSubscriberCount === true ? undefined : asCount(statistics.subscriberCount);
      const videos = asCount(statistics.videoCount);
      return measured(target, now, 'youtube-data-v3', {
        ...(followers === undefined ? {} : { followers }),
        ...(videos === undefined ? {} : { postsTotal: videos }),
      });
    },
  };
}

/** The channels.list parameter for a stored handle: @handle, channel id or legacy user name. */
function channelSelector(handle: string): string | undefined {
  if (handle.startsWith('@')) return `forHandle=${encodeURIComponent(handle)}`;
  if (handle.startsWith('channel/')) return `id=${encodeURIComponent(handle.slice('channel/'.length))}`;
  if (handle.startsWith('user/')) return `forUsername=${encodeURIComponent(handle.slice('user/'.length))}`;
  return undefined;
}

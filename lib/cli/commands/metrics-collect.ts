import { blueskyCollector } from '../../collect/bluesky';
import { mastodonCollector } from '../../collect/mastodon';
import type { Collector, CollectTarget, JsonGet } from '../../collect/types';
import { youtubeCollector } from '../../collect/youtube';
import { PLATFORMS, type Platform } from '../../social/platforms';
import { dateOption, httpUrlOption, numberOption, parseArgs, stringOption } from '../args';
import { batchOptions, openBatch } from '../batch-runner';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, loadIndex, say } from '../io';
import { userAgent } from '../user-agent';

export const METRICS_USAGE =
  'metrics collect [--platform bluesky|mastodon|youtube]... [--out FILE] [--state FILE] [--fresh] [--concurrency N] [--delay-ms N] [--timeout-ms N] [--index FILE]';

/** Platforms with no open API: their figures come only from curated data and volunteers' observations. */
const NO_OPEN_API: readonly Platform[] = ['x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'threads', 'flickr'];

/**
 * `metrics collect`: public figures for every account on a platform with an open API (Bluesky,
 * Mastodon, YouTube with YOUTUBE_API_KEY), one JSON line each, for a dated snapshot file.
 * Resumable through a state file; polite (delays, retries, Retry-After, a cap on concurrency).
 */
export async function metricsCollectCommand(argv: string[]): Promise<void> {
  const args = parseArgs(
    argv,
    [
      'platform',
      'out',
      'state',
      'concurrency',
      'delay-ms',
      'timeout-ms',
      'index',
      'connect-to',
      'bluesky-api',
      'youtube-api',
      'mastodon-scheme',
      'date',
    ],
    ['fresh'],
  );
  if (args.positionals.length > 0) throw new CliError(`usage: ${METRICS_USAGE}`);
  const asked = args.all.get('platform') ?? ['bluesky', 'mastodon', 'youtube'];
  for (const platform of asked) {
    if (!(PLATFORMS as readonly string[]).includes(platform)) throw new CliError(`unknown platform "${platform}"`);
    if ((NO_OPEN_API as readonly string[]).includes(platform))
      throw new CliError(`${platform} has no open API: its figures come from curated data and volunteers' observations`);
  }
  // Every option is checked before any work, so a typo is one line and exit 1 (issue 17).
  const date = dateOption(args, 'date');
  const blueskyApi = httpUrlOption(args, 'bluesky-api');
  const youtubeApi = httpUrlOption(args, 'youtube-api');
  const scheme = stringOption(args, 'mastodon-scheme') ?? 'https';
  if (scheme !== 'https' && scheme !== 'http') throw new CliError(`--mastodon-scheme must be https or http, not "${scheme}"`);
  const options = batchOptions(args, 'metrics collect', '.nsl-metrics-state.json');
  const collectors = new Map<Platform, Collector>();
  if (asked.includes('bluesky')) collectors.set('bluesky', blueskyCollector(blueskyApi));
  if (asked.includes('mastodon'))
    collectors.set(
      'mastodon',
      mastodonCollector((host) => `${scheme}://${host}`),
    );
  if (asked.includes('youtube')) {
    const key = process.env.YOUTUBE_API_KEY;
    if (key) collectors.set('youtube', youtubeCollector(key, youtubeApi));
    else say('YouTube skipped: set YOUTUBE_API_KEY to a YouTube Data API v3 key to collect its figures');
  }

  const index = loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH);
  const targets = index.organisations.flatMap((org) =>
    org.accounts.flatMap((a) => {
      const collector = a.state === 'closed' ? undefined : collectors.get(a.platform);
      const target: CollectTarget = { ods: org.id, platform: a.platform, handle: a.handle, url: a.url };
      return collector ? [{ target, collector }] : [];
    }),
  );
  const now = date === undefined ? new Date() : new Date(`${date}T12:00:00Z`);
  const batch = openBatch(options, {
    userAgent: userAgent('public metrics collection'),
    delayMs: numberOption(args, 'delay-ms', 500),
    timeoutMs: numberOption(args, 'timeout-ms', 15_000, 1),
    maxBytes: 5_000_000,
    retries: 3,
  });
  const getJson: JsonGet = async (url) => {
    const result = await batch.http.get(url, 'application/json');
    if (!result.ok) return result;
    try {
      return { ok: true, status: result.response.status, json: JSON.parse(result.response.body) as unknown };
    } catch {
      return { ok: false, reason: `the answer was not JSON (HTTP ${result.response.status})` };
    }
  };

  const totals = { metrics: 0, gone: 0, failed: 0 };
  await batch.run({
    items: targets,
    keyOf: ({ target }) => target.url,
    labelOf: ({ target }) => `${target.platform} ${target.handle}`,
    noun: 'accounts',
    progressLabel: 'metrics',
    concurrency: numberOption(args, 'concurrency', 2, 1),
    doneOn: now.toISOString().slice(0, 10),
    async work({ target, collector }) {
      const line = await collector.collect(target, getJson, now);
      totals[line.type === 'metrics' ? 'metrics' : line.type]++;
      return [line];
    },
  });
  say(
    `measured ${totals.metrics} accounts; ${totals.gone} gone; ${totals.failed} failed (see their lines); ${targets.length === 0 ? 'no account in the index is on these platforms yet' : ''}`.trim(),
  );
}

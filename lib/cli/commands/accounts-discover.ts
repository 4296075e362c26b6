import { pageMatchPatterns, underPagePatterns } from '../../detect/pages';
import { discoverOrganisation, MAX_SITE_PAGES } from '../../discover/discover-organisation';
import { ALLOW_ALL, parseRobots, type RobotsRules, unreachableRobots } from '../../discover/robots';
import { dateOption, httpUrlOption, numberOption, parseArgs, stringOption } from '../args';
import { batchOptions, openBatch } from '../batch-runner';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, loadIndex, say } from '../io';
import { ROBOTS_TOKEN, userAgent } from '../user-agent';

export const DISCOVER_USAGE =
  'accounts discover [--ods CODE]... [--url URL] [--out FILE] [--state FILE] [--fresh] [--delay-ms N] [--timeout-ms N] [--max-pages N] [--max-bytes N] [--connect-to HOST:PORT] [--index FILE]';

/** Organisations crawled at once; requests to any one host still go one at a time. */
const ORGANISATIONS_AT_ONCE = 4;

/**
 * `accounts discover`: visits each organisation's own website and writes one JSON line per
 * finding (an account linked from the site, a platform with no link, a page that could not be
 * read). Resumable: a state file records the organisations done, and a re-run continues.
 */
export async function accountsDiscoverCommand(argv: string[]): Promise<void> {
  const args = parseArgs(
    argv,
    ['ods', 'url', 'out', 'state', 'delay-ms', 'timeout-ms', 'max-pages', 'max-bytes', 'connect-to', 'index', 'date'],
    ['fresh'],
  );
  if (args.positionals.length > 0) throw new CliError(`usage: ${DISCOVER_USAGE}`);
  const codes = args.all.get('ods') ?? [];
  const startUrl = httpUrlOption(args, 'url');
  if (startUrl !== undefined && codes.length !== 1) throw new CliError('--url needs exactly one --ods: the organisation whose page it is');
  const today = dateOption(args, 'date') ?? new Date().toISOString().slice(0, 10);
  // The home page and at most one "social media", "follow us" or "contact" page: the extension's rule (issue 27).
  const maxPages = numberOption(args, 'max-pages', MAX_SITE_PAGES, 1);
  if (maxPages > MAX_SITE_PAGES)
    throw new CliError(
      `--max-pages is at most ${MAX_SITE_PAGES}: the home page and one "social media", "follow us" or "contact" page it links`,
    );
  const index = loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH);
  const unknown = codes.filter((code) => !index.organisations.some((org) => org.id === code));
  if (unknown.length > 0) throw new CliError(`no organisation with code ${unknown.join(', ')} in the index`);
  const organisations = index.organisations.filter((org) => (codes.length === 0 ? org.domains.length > 0 : codes.includes(org.id)));
  const withoutSite = organisations.filter((org) => org.domains.length === 0 && startUrl === undefined);
  if (codes.length > 0 && withoutSite.length > 0)
    throw new CliError(`${withoutSite.map((o) => o.id).join(', ')}: no known domain; give --url`);

  const batch = openBatch(batchOptions(args, 'accounts discover', '.nsl-discover-state.json'), {
    userAgent: userAgent('account discovery'),
    delayMs: numberOption(args, 'delay-ms', 1500),
    timeoutMs: numberOption(args, 'timeout-ms', 15_000, 1),
    maxBytes: numberOption(args, 'max-bytes', 2_000_000, 1),
    retries: 2,
  });
  const { http } = batch;
  const robotsCache = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (origin: string) => {
    let rules = robotsCache.get(origin);
    if (rules === undefined) {
      rules = http.get(`${origin}/robots.txt`, 'text/plain').then((result) => {
        // Unreachable: assume no (RFC 9309 §2.3.1.4).
        if (!result.ok) return unreachableRobots(result.reason);
        if (result.response.status >= 500) return unreachableRobots(`HTTP ${result.response.status}`);
        if (result.response.status >= 400) return ALLOW_ALL; // no robots.txt: everything allowed
        return parseRobots(result.response.body, ROBOTS_TOKEN);
      });
      robotsCache.set(origin, rules);
    }
    return rules;
  };

  const notPlatformHost = underPagePatterns(pageMatchPatterns(index));
  const totals = { organisations: 0, pages: 0, accounts: 0, noLink: 0, errors: 0 };
  await batch.run({
    items: organisations,
    keyOf: (org) => org.id,
    labelOf: (org) => org.id,
    noun: 'organisations',
    progressLabel: 'discover',
    concurrency: ORGANISATIONS_AT_ONCE,
    doneOn: today,
    async work(org) {
      const url = startUrl ?? `https://${org.domains[0]?.host}/`;
      const { findings, pagesRead } = await discoverOrganisation(
        org.id,
        org.domains.map((d) => d.host),
        url,
        {
          fetchPage: async (page, checkHop) => {
            const result = await http.get(page, 'text/html,application/xhtml+xml', checkHop);
            if (!result.ok) return result;
            const { status, headers, body } = result.response;
            if (status >= 400) return { ok: false, reason: `HTTP ${status}` };
            return { ok: true, url: result.response.url, contentType: String(headers['content-type'] ?? ''), body };
          },
          robotsFor,
          today,
          maxPages,
          notPlatformHost,
        },
      );
      totals.organisations++;
      totals.pages += pagesRead;
      totals.accounts += findings.filter((f) => f.type === 'account').length;
      totals.noLink += findings.filter((f) => f.type === 'no-link').length;
      totals.errors += findings.filter((f) => f.type === 'error').length;
      return findings;
    },
  });
  say(
    `discovered ${totals.accounts} accounts on ${totals.pages} pages of ${totals.organisations} organisations; ${totals.noLink} platform checks with no link; ${totals.errors} pages not read`,
  );
}

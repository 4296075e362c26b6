import { detectPage } from '../../detect/detect';
import { describeEvidence } from '../../detect/evidence';
import { type HtmlSignals, htmlSignals } from '../../detect/html-signals';
import { profilesFromSignals } from '../../detect/page-signals';
import type { Candidate, Evidence } from '../../detect/types';
import { formatFactDate } from '../../format';
import { createIndexLookups } from '../../index/lookup';
import { accountKey } from '../../social/profile-url';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, emit, loadIndex, readStdin, readTextFile } from '../io';

export const LOOKUP_USAGE = 'lookup [--index FILE] [--html FILE] <url>...   (or one URL a line on stdin)';

/**
 * `lookup`: one JSON line per URL with the organisation(s) it belongs to, the confidence and the
 * evidence. With `--html FILE`, the saved page's signals are read too: the social profiles it
 * links to, and whether the index lists them.
 */
export async function lookupCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['index', 'html']);
  const htmlPath = stringOption(args, 'html');
  const html = htmlPath === undefined ? undefined : readTextFile(htmlPath);
  // Read once, by the extension's own reader (issue 27): regular expressions over a hostile page
  // backtrack for seconds (issue 17), the reader takes it in one pass.
  const signals = html === undefined ? undefined : htmlSignals(html);
  let urls = args.positionals;
  if (urls.length === 0 && html !== undefined && signals !== undefined) {
    const saved = savedFromUrl(html, signals);
    if (saved === undefined) throw new CliError(`${htmlPath}: the page does not say its address; give the URL too`);
    urls = [saved];
  }
  if (urls.length === 0) {
    if (process.stdin.isTTY) throw new CliError(`no URL given; usage: ${LOOKUP_USAGE}`);
    urls = (await readStdin())
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (urls.length === 0) throw new CliError('no URL given on stdin');
  }
  if (html !== undefined && urls.length > 1) throw new CliError('--html describes one page: give one URL with it');
  const index = loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH);
  const lookups = createIndexLookups(index);
  for (const url of urls) {
    const { candidates } = await detectPage(url, lookups);
    const described = candidates.map(describeCandidate);
    const line: Record<string, unknown> = { url, match: described[0] ?? null, ambiguous: described.length > 1, candidates: described };
    if (signals !== undefined) {
      const listed = new Set(candidates.flatMap((c) => c.organisation.accounts.map((a) => accountKey(a.platform, a.handle))));
      line.pageProfiles = profilesFromSignals(signals, url).map((p) => ({
        ...p,
        inIndex: listed.has(accountKey(p.platform, p.handle)),
      }));
    }
    emit(line);
  }
}

/**
 * The address a browser's "Save page as" recorded (`<!-- saved from url=(0026)http://… -->`; a
 * pattern with no nested repeats, so linear), else the page's canonical link, as the reader read it.
 */
export function savedFromUrl(html: string, signals: Pick<HtmlSignals, 'canonical'> = htmlSignals(html)): string | undefined {
  const saved = /<!-- saved from url=\(\d+\)(\S+) -->/.exec(html)?.[1];
  if (saved) return saved;
  return signals.canonical || undefined;
}

const SUCCESSION_WHAT: Partial<Record<Evidence['rule'], string>> = { domain: 'the website', 'govuk-page': 'the GOV.UK page' };

/**
 * Where the match went through a predecessor, the succession in words, as the popup says it:
 * "This was the website of NHS Digital, now part of NHS England since 1 Feb 2023." (issue 20).
 */
export function describeSuccession(candidate: Candidate): string | undefined {
  const { evidence, organisation } = candidate;
  const predecessor = evidence.predecessor;
  if (predecessor === undefined) return undefined;
  const what = SUCCESSION_WHAT[evidence.rule] ?? 'the code';
  const since = predecessor.until ? ` since ${formatFactDate(predecessor.until)}` : '';
  return `This was ${what} of ${predecessor.name ?? predecessor.id}, now part of ${organisation.name}${since}.`;
}

function describeCandidate(candidate: Candidate) {
  const org = candidate.organisation;
  const succession = describeSuccession(candidate);
  return {
    ods: org.id,
    name: org.name,
    kind: org.kind,
    ...(org.trustType !== undefined ? { trustType: org.trustType } : {}),
    region: org.region,
    country: org.country,
    website: org.domains[0]?.host ?? org.homepage ?? null,
    confidence: candidate.confidence,
    evidence: { ...candidate.evidence, text: describeEvidence(candidate.evidence) },
    ...(succession !== undefined ? { succession } : {}),
    accounts: org.accounts
      .filter((a) => a.verification === 'official')
      .map((a) => ({ platform: a.platform, handle: a.handle, url: a.url, checked: a.checked, source: a.source })),
  };
}

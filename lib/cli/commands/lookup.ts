import { detectByHost } from '../../detect/detect-by-host';
import { describeEvidence } from '../../detect/evidence';
import type { Candidate } from '../../detect/types';
import { createHostTable } from '../../index/lookup';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, emit, loadIndex, readStdin } from '../io';

export const LOOKUP_USAGE = 'lookup [--index FILE] <url>...   (or one URL a line on stdin)';

/** `lookup`: one JSON line per URL with the organisation it belongs to, or null. */
export async function lookupCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['index']);
  let urls = args.positionals;
  if (urls.length === 0) {
    if (process.stdin.isTTY) throw new CliError(`no URL given; usage: ${LOOKUP_USAGE}`);
    urls = (await readStdin())
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (urls.length === 0) throw new CliError('no URL given on stdin');
  }
  const index = loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH);
  const table = createHostTable(index);
  for (const url of urls) {
    const { candidates } = await detectByHost(url, table);
    const described = candidates.map(describeCandidate);
    // With several candidates (a shared group site) `match` is the first by code and `ambiguous` says so.
    emit({ url, match: described[0] ?? null, ambiguous: described.length > 1, candidates: described });
  }
}

function describeCandidate(candidate: Candidate) {
  const org = candidate.organisation;
  return {
    ods: org.id,
    name: org.name,
    kind: org.kind,
    region: org.region,
    website: org.domains[0]?.host ?? null,
    confidence: candidate.confidence,
    evidence: { ...candidate.evidence, text: describeEvidence(candidate.evidence) },
    accounts: org.accounts
      .filter((a) => a.verification === 'official')
      .map((a) => ({ platform: a.platform, handle: a.handle, url: a.url, checked: a.checked, source: a.source })),
  };
}

import { existsSync, writeFileSync } from 'node:fs';
import { changeReport } from '../../index-build/pipeline/change-report';
import { indexChanges, runFactsFromLines } from '../../index-build/pipeline/index-changes';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { emit, loadIndex, readTextFile } from '../io';

export const REPORT_USAGE = 'usage: index report --previous INDEX --next INDEX [--discoveries FILE] [--metrics FILE] --out FILE';

/** The lines of a run's output file, or none where that step did not run (no file). */
function linesOf(path: string | undefined): string[] {
  if (path === undefined) return [];
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  return readTextFile(path).split('\n');
}

/**
 * `index report`: the page a maintainer reads before merging a refresh (issue 21): what changed
 * between two indexes (accounts added, closed, moved; level changes; sites that could not be read),
 * as Markdown in `--out`, and one JSON line saying where it is. The same report the offline pipeline writes.
 */
export function indexReportCommand(argv: string[]): void {
  const args = parseArgs(argv, ['previous', 'next', 'discoveries', 'metrics', 'out']);
  const previousPath = stringOption(args, 'previous');
  const nextPath = stringOption(args, 'next');
  const out = stringOption(args, 'out');
  if (args.positionals.length > 0 || !previousPath || !nextPath || !out) throw new CliError(REPORT_USAGE);
  const previous = loadIndex(previousPath);
  const next = loadIndex(nextPath);
  const changes = indexChanges(
    previous,
    next,
    runFactsFromLines(linesOf(stringOption(args, 'discoveries')), linesOf(stringOption(args, 'metrics'))),
  );
  writeFileSync(out, changeReport(changes));
  emit({ event: 'report', out, previous: previous.indexVersion, next: next.indexVersion });
}

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCuratedCorrections } from '../../corrections/apply';
import { validateIndex } from '../../index/validate';
import { buildIndex, readSourceTables, SOURCE_FILES } from '../../index-build/build-index';
import { parseTableRecords } from '../../index-build/csv';
import type { CollectedFile } from '../../index-build/merge-collected';
import { serialiseIndex } from '../../index-build/serialise-index';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, emit, PROJECT_ROOT, readTextFile, say } from '../io';

const DEFAULT_SOURCES = join(PROJECT_ROOT, 'data/sources');

/** The JSON-lines files a maintainers' command wrote into `dir`, by name. */
function collectedFiles(dir: string): CollectedFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => ({ name, lines: readFileSync(join(dir, name), 'utf8').split('\n') }));
}

/** A release file: `{ "indexVersion": 3, "generatedAt": "2026-11-28T00:00:00.000Z" }`, checked so a typo is one line. */
function parseRelease(path: string, text: string): { indexVersion: number; generatedAt: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${path}: not JSON`);
  }
  const { indexVersion, generatedAt } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof indexVersion !== 'number' || typeof generatedAt !== 'string')
    throw new CliError(`${path}: needs "indexVersion" (a number) and "generatedAt" (an ISO timestamp)`);
  return { indexVersion, generatedAt };
}

/**
 * `index build [--from DIR] [--collected DIR] [--release FILE] [--out FILE]`: builds the index from the
 * source tables, deterministically. `--release` names the version and date to stamp (default
 * data/index-release.json), so a refresh can build the next version without editing the repository (issue 21).
 */
export function indexBuildCommand(argv: string[]): void {
  const args = parseArgs(argv, ['from', 'collected', 'release', 'out']);
  if (args.positionals.length > 0) throw new CliError('usage: index build [--from DIR] [--collected DIR] [--release FILE] [--out FILE]');
  const from = stringOption(args, 'from') ?? DEFAULT_SOURCES;
  const out = stringOption(args, 'out') ?? BUNDLED_INDEX_PATH;
  const table = (name: string) => parseTableRecords(name, readTextFile(join(from, name)));
  const releasePath = stringOption(args, 'release') ?? join(PROJECT_ROOT, 'data/index-release.json');
  const release = parseRelease(releasePath, readTextFile(releasePath));
  const socialDir = from === DEFAULT_SOURCES ? from : join(from, 'social');
  const collected = stringOption(args, 'collected') ?? join(PROJECT_ROOT, 'data');
  const { index, report } = buildIndex({
    ...readSourceTables((file) =>
      file === SOURCE_FILES.socialAccounts || file === SOURCE_FILES.ownPages
        ? parseTableRecords(file, readTextFile(join(socialDir, file)))
        : table(file),
    ),
    discoveries: collectedFiles(join(collected, 'discovered')),
    metricSnapshots: collectedFiles(join(collected, 'metrics')),
    // Reviewed corrections pass the corrections' own rules again (issue 17): a hand-edited line is refused, not built.
    curated: collectedFiles(join(collected, 'curated')).flatMap((file) => {
      const result = parseCuratedCorrections(file.lines.join('\n'));
      if (!result.ok) throw new CliError(`${join(collected, 'curated', file.name)}: ${result.reason}`);
      return result.corrections;
    }),
    release,
  });
  const result = validateIndex(index);
  if (!result.ok) {
    const [first] = result.problems;
    throw new CliError(`the built index is invalid at ${first?.path}: ${first?.message}`);
  }
  const text = serialiseIndex(index);
  writeFileSync(out, text);
  for (const input of report.inputs) say(`read ${input.table}: ${input.rows} rows`);
  const reasons = new Map<string, number>();
  for (const { table, reason } of report.dropped) reasons.set(`${table}: ${reason}`, (reasons.get(`${table}: ${reason}`) ?? 0) + 1);
  say(`dropped ${report.dropped.length} rows (each one on stdout):`);
  for (const [reason, count] of reasons) say(`  ${count} × ${reason}`);
  say(`resolved ${report.conflicts.length} conflicts between sources (each one on stdout, with the rule that decided)`);
  say(`wrote ${out}: ${index.organisations.length} organisations, ${Buffer.byteLength(text)} bytes`);
  for (const dropped of report.dropped) emit({ event: 'dropped', ...dropped });
  for (const conflict of report.conflicts) emit({ event: 'conflict', ...conflict });
  emit({ event: 'written', file: out, organisations: index.organisations.length, bytes: Buffer.byteLength(text) });
}

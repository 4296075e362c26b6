import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, toJsonLines } from '../../dashboard/export';
import { ADOPTION_LEVELS, dashboardRows } from '../../dashboard/rows';
import { applyTableQuery, parseTableQuery } from '../../dashboard/table-query';
import { COUNTRIES, ORGANISATION_KINDS, TRUST_TYPES } from '../../index/schema';
import { dataPackageFiles } from '../../index-build/datapackage/data-package';
import { PLATFORMS } from '../../social/platforms';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, loadIndex, say } from '../io';

export const EXPORT_USAGE =
  'export --format csv|json [--kind K] [--country C] [--trust-type T] [--region R] [--level L] [--platform P] [--index FILE] | export --format datapackage --out DIR [--index FILE]';
const FORMATS = ['csv', 'json', 'datapackage'] as const;
const FILTERS = ['kind', 'country', 'trust-type', 'region', 'level', 'platform'] as const;

/**
 * `export --format datapackage --out DIR`: the whole index as the dataset researchers cite
 * (issue 21): CSV files, datapackage.json and README.md in DIR. Never filtered: a citable
 * release is the whole index.
 */
function exportDataPackage(out: string | undefined, indexPath: string | undefined): void {
  if (out === undefined) throw new CliError('--format datapackage needs --out DIR: it writes several files');
  const index = loadIndex(indexPath ?? BUNDLED_INDEX_PATH);
  const files = dataPackageFiles(index);
  try {
    mkdirSync(out, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(out, name), text);
  } catch (error) {
    throw new CliError(`${out}: cannot write the dataset (${error instanceof Error ? error.message : String(error)})`);
  }
  say(
    `export: wrote ${[...files.keys()].join(', ')} to ${out} (index version ${index.indexVersion}, ${index.organisations.length} organisations)`,
  );
}

/** Checks a filter option against its allowed values, so a typo fails rather than matching nothing. */
function oneOf(name: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  throw new CliError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
}

/**
 * `export --format csv|json`: the dashboard's table of organisations, filtered as asked, from the
 * bundled index (or --index FILE). CSV (RFC 4180, formula-safe) or one JSON line per organisation,
 * on stdout; the count on stderr. The same rows, filters and CSV code as the dashboard's downloads.
 */
export function exportCommand(argv: string[]): void {
  const args = parseArgs(argv, ['format', 'out', ...FILTERS, 'index']);
  if (args.positionals.length > 0) throw new CliError(`unexpected argument "${args.positionals[0]}"; usage: ${EXPORT_USAGE}`);
  const format = stringOption(args, 'format');
  if (format === undefined) throw new CliError(`--format is needed; usage: ${EXPORT_USAGE}`);
  oneOf('format', format, FORMATS);
  if (format === 'datapackage') {
    const filter = FILTERS.find((name) => args.options.has(name));
    if (filter !== undefined) throw new CliError(`--${filter} does not apply to --format datapackage: the dataset is the whole index`);
    exportDataPackage(stringOption(args, 'out'), stringOption(args, 'index'));
    return;
  }
  if (args.options.has('out')) throw new CliError('--out is for --format datapackage; csv and json go to stdout');
  const filter = new URLSearchParams();
  // [option, the table view's key, allowed values]: `--trust-type` on the command line, `trustType` in the view.
  for (const [name, key, allowed] of [
    ['kind', 'kind', ORGANISATION_KINDS],
    ['country', 'country', COUNTRIES],
    ['trust-type', 'trustType', TRUST_TYPES],
    ['level', 'level', ADOPTION_LEVELS],
    ['platform', 'platform', PLATFORMS],
  ] as const) {
    const value = oneOf(name, stringOption(args, name), allowed);
    if (value !== undefined) filter.set(key, value);
  }
  const index = loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH);
  const regions = [...new Set(index.organisations.map((o) => o.region))].sort();
  const region = oneOf('region', stringOption(args, 'region'), regions);
  if (region !== undefined) filter.set('region', region);
  const query = parseTableQuery(filter.toString());
  const rows = applyTableQuery(dashboardRows(index.organisations), query);
  process.stdout.write(format === 'csv' ? toCsv(rows) : toJsonLines(rows));
  say(`export: ${rows.length} of ${index.organisations.length} organisations`);
}

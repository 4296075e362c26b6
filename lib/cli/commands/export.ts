import { toCsv, toJsonLines } from '../../dashboard/export';
import { ADOPTION_LEVELS, dashboardRows } from '../../dashboard/rows';
import { applyTableQuery, parseTableQuery } from '../../dashboard/table-query';
import { COUNTRIES, ORGANISATION_KINDS, TRUST_TYPES } from '../../index/schema';
import { PLATFORMS } from '../../social/platforms';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, loadIndex, say } from '../io';

export const EXPORT_USAGE =
  'export --format csv|json [--kind K] [--country C] [--trust-type T] [--region R] [--level L] [--platform P] [--index FILE]';
const FORMATS = ['csv', 'json'] as const;

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
  const args = parseArgs(argv, ['format', 'kind', 'country', 'trust-type', 'region', 'level', 'platform', 'index']);
  if (args.positionals.length > 0) throw new CliError(`unexpected argument "${args.positionals[0]}"; usage: ${EXPORT_USAGE}`);
  const format = stringOption(args, 'format');
  if (format === undefined) throw new CliError(`--format is needed; usage: ${EXPORT_USAGE}`);
  oneOf('format', format, FORMATS);
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

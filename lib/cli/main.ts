/**
 * The `nsl` command line. Contract: machine-readable JSON lines on stdout, messages on stderr,
 * exit 0 on success, 1 on bad input (one line saying what is wrong, never a stack trace).
 */
import { CliError } from './cli-error';
import { accountsDiscoverCommand, DISCOVER_USAGE } from './commands/accounts-discover';
import { correctionsApplyCommand, correctionsCheckCommand } from './commands/corrections';
import { EXPORT_USAGE, exportCommand } from './commands/export';
import { indexBuildCommand } from './commands/index-build';
import { indexKeygenCommand, indexPublishCommand, indexVerifyCommand } from './commands/index-publish';
import { indexReportCommand, REPORT_USAGE } from './commands/index-report';
import { indexStatsCommand } from './commands/index-stats';
import { indexValidateCommand } from './commands/index-validate';
import { LOOKUP_USAGE, lookupCommand } from './commands/lookup';
import { METRICS_USAGE, metricsCollectCommand } from './commands/metrics-collect';
import { exitWhenDelivered, say, stopQuietlyWhenReaderCloses } from './io';
import { toolVersion } from './user-agent';

const USAGE = `usage: nsl <command>
  ${LOOKUP_USAGE}
  index validate <file>
  index build [--from DIR] [--collected DIR] [--release FILE] [--out FILE]
  index stats [file]
  index keygen --out DIR
  index publish --key FILE --out DIR [INDEX] [--previous INDEX] [--min-extension-version X.Y.Z]
  index verify DIR --pub FILE [--installed INDEX | --installed-version N]
  ${REPORT_USAGE.replace('usage: ', '')}
  ${DISCOVER_USAGE}
  ${METRICS_USAGE}
  corrections check FILE... [--data DIR]
  corrections apply FILE... --reviewer NAME [--data DIR]
  ${EXPORT_USAGE}`;

/** The commands that have a second word (`index build`). */
const GROUPS = ['index', 'accounts', 'metrics', 'corrections'];

/** The usage lines of one command (`nsl lookup --help`, `nsl index build --help`), none for an unknown one. */
function usageOf(command: string, sub: string | undefined): string[] {
  const name = GROUPS.includes(command) ? `${command} ${sub ?? ''}`.trim() : command;
  return USAGE.split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/^usage: /, ''))
    .filter((line) => line === name || line.startsWith(`${name} `))
    .map((line) => `usage: nsl ${line}`);
}

async function run(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    say(USAGE);
    if (command === undefined) throw new CliError('no command given');
    return;
  }
  // The version and each command's help (issue 28): stdout for the version, as other tools do.
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${toolVersion()}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    const lines = usageOf(command, sub);
    if (lines.length === 0)
      throw new CliError(`unknown command "${argv.slice(0, GROUPS.includes(command) ? 2 : 1).join(' ')}"; run "nsl help" for the list`);
    say(lines.join('\n'));
    return;
  }
  if (command === 'lookup') return lookupCommand(argv.slice(1));
  if (command === 'export') return exportCommand(argv.slice(1));
  if (command === 'index' && sub === 'validate') return indexValidateCommand(rest);
  if (command === 'accounts' && sub === 'discover') return accountsDiscoverCommand(rest);
  if (command === 'metrics' && sub === 'collect') return metricsCollectCommand(rest);
  if (command === 'corrections' && sub === 'check') return correctionsCheckCommand(rest);
  if (command === 'corrections' && sub === 'apply') return correctionsApplyCommand(rest);
  if (command === 'index' && sub === 'build') return indexBuildCommand(rest);
  if (command === 'index' && sub === 'stats') return indexStatsCommand(rest);
  if (command === 'index' && sub === 'keygen') return indexKeygenCommand(rest);
  if (command === 'index' && sub === 'publish') return indexPublishCommand(rest);
  if (command === 'index' && sub === 'verify') return indexVerifyCommand(rest);
  if (command === 'index' && sub === 'report') return indexReportCommand(rest);
  throw new CliError(`unknown command "${argv.slice(0, GROUPS.includes(command) ? 2 : 1).join(' ')}"; run "nsl help" for the list`);
}

stopQuietlyWhenReaderCloses();
run(process.argv.slice(2)).then(
  () => exitWhenDelivered(0),
  (error: unknown) => {
    if (error instanceof CliError) {
      say(`nsl: ${error.message}`);
      return exitWhenDelivered(1);
    }
    // Not the user's fault, but still one line: the contract never shows a stack trace.
    say(`nsl: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return exitWhenDelivered(2);
  },
);

import { CliError } from './cli-error';

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
  /** Every value of each valued option, for options that may be given more than once (--ods A --ods B). */
  all: Map<string, string[]>;
}

/**
 * Splits `--name value`, `--name=value` and bare `--flag` from positionals. `valued` lists the
 * options that take a value; any other `--option` not in `flags` is refused.
 */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const all = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`--${name} needs a value`);
      options.set(name, value);
      all.set(name, [...(all.get(name) ?? []), value]);
    } else if (flags.includes(name)) {
      options.set(name, true);
    } else {
      throw new CliError(`unknown option --${name}`);
    }
  }
  return { positionals, options, all };
}

/** A whole-number option, checked: `--delay-ms 500`. */
export function numberOption(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new CliError(`--${name} must be a whole number of at least ${min}, not "${raw}"`);
  return Number(raw);
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

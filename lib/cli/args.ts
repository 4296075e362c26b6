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

/**
 * A calendar date option, checked: `--date 2026-11-25`. A date that does not exist (2026-02-30)
 * is refused with one line rather than rolling over or failing later (issue 17).
 */
export function dateOption(args: ParsedArgs, name: string): string | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (date === undefined || date.toISOString().slice(0, 10) !== raw)
    throw new CliError(`--${name} must be a real date written YYYY-MM-DD, not "${raw}"`);
  return raw;
}

/** An http(s) address option, checked: a malformed one is one line, never an internal error (issue 17). */
export function httpUrlOption(args: ParsedArgs, name: string): string | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))
    throw new CliError(`--${name} must be an http(s) address, not "${raw}"`);
  return raw;
}

/** `--connect-to HOST:PORT`: every connection goes there (like curl's), so tests serve real host names from loopback. */
export function connectToOption(args: ParsedArgs): { connectTo?: { host: string; port: number } } {
  const value = stringOption(args, 'connect-to');
  if (value === undefined) return {};
  const match = /^([\w.-]+):(\d{1,5})$/.exec(value);
  if (!match || Number(match[2]) > 65_535) throw new CliError(`--connect-to must be HOST:PORT, not "${value}"`);
  return { connectTo: { host: match[1] ?? '', port: Number(match[2]) } };
}

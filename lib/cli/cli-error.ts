/** A problem with what the user asked for: printed as one line on stderr, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

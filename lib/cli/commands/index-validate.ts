import { statSync } from 'node:fs';
import { parseArgs } from '../args';
import { CliError } from '../cli-error';
import { emit, loadIndex } from '../io';

/** `index validate FILE`: exit 0 with a one-line summary, or 1 naming the first problem and its path. */
export function indexValidateCommand(argv: string[]): void {
  const { positionals } = parseArgs(argv, []);
  const [path, extra] = positionals;
  if (path === undefined || extra !== undefined) throw new CliError('usage: index validate <file>');
  const index = loadIndex(path);
  emit({
    file: path,
    valid: true,
    schemaVersion: index.schemaVersion,
    indexVersion: index.indexVersion,
    generatedAt: index.generatedAt,
    organisations: index.organisations.length,
    bytes: statSync(path).size,
  });
}

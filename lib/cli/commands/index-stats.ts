import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { indexStats } from '../../index-build/stats';
import { parseArgs } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, emit, loadIndex, readTextFile } from '../io';

/** `index stats [file]`: coverage of an index (the bundled one by default), as one JSON line. */
export function indexStatsCommand(argv: string[]): void {
  const { positionals } = parseArgs(argv, []);
  if (positionals.length > 1) throw new CliError('usage: index stats [file]');
  const path = positionals[0] ?? BUNDLED_INDEX_PATH;
  const index = loadIndex(path);
  emit({
    file: path,
    ...indexStats(index),
    bytes: { raw: statSync(path).size, gzip: gzipSync(readTextFile(path)).length },
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NhsIndex } from '../index/schema';
import { parseAndValidateIndex } from '../index/validate';
import { CliError } from './cli-error';

/** The repository root, so the CLI works from any working directory (`npx nsl`). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLED_INDEX_PATH = join(PROJECT_ROOT, 'assets/index.json');

/** Writes one JSON value as a line on stdout (the machine-readable channel). */
export function emit(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * Ends the process once everything written has reached the reader. `process.exit()` alone drops
 * what a pipe has not taken yet (a slow reader, `| wc -l`): Node writes to pipes asynchronously,
 * and a write's callback runs only once it, and every write queued before it, is handed over.
 */
export async function exitWhenDelivered(code: number): Promise<never> {
  process.exitCode = code;
  const drained = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (stream.destroyed || !stream.writable) resolve();
      else stream.write('', () => resolve());
    });
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/**
 * A reader that stops reading (`nsl export | head -n 1`) is no error of ours: stop quietly, as
 * Unix tools do on SIGPIPE, instead of failing on EPIPE with a stack trace.
 */
export function stopQuietlyWhenReaderCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Writes a message for people on stderr. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function readTextFile(path: string): string {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads and validates an index file, failing with the first problem and its JSON path. */
export function loadIndex(path: string): NhsIndex {
  const result = parseAndValidateIndex(readTextFile(path));
  if (!result.ok) {
    const [first] = result.problems;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
    throw new CliError(`${path}: invalid index at ${first?.path ?? '$'}: ${first?.message ?? 'unknown problem'}${more}`);
  }
  return result.index;
}

/** Reads stdin to the end (for `lookup` fed one URL a line). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

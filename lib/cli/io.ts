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

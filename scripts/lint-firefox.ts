/**
 * `npm run check:firefox` (in `npm run check`, issue 28): Mozilla's `web-ext lint` (the linter
 * addons.mozilla.org runs on every upload) over the Firefox build. Any error, notice or warning
 * fails the check, except one accepted by name below: lit's own template code, which web-ext
 * flags as an "unsafe assignment to innerHTML". lit assigns the template's static strings (the
 * parts written in the source, never a value), through a Trusted Types policy where the page has
 * one; every value goes through text nodes and attributes. Any other innerHTML, in lit or in this
 * project's code, still fails.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One finding of `web-ext lint --output json`. */
export interface LintFinding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
export interface LintReport {
  errors: LintFinding[];
  notices: LintFinding[];
  warnings: LintFinding[];
}

/**
 * lit-html's `Template.createElement` as the build minifies it: a `<template>` element made and its
 * innerHTML set to the template's static markup, nothing else (lit-html 3, lit-html.js).
 */
const LIT_CREATE_ELEMENT =
  /static createElement\((\w+),\w+\)\{(?:let|const) (\w+)=\w+\.createElement\(`template`\);return \2\.innerHTML=\1,\2\}/;

/** Whether a finding is the accepted one: lit's template element, at the column web-ext names. */
export function isAcceptedLitWarning(finding: LintFinding, source: string | undefined): boolean {
  if (finding.code !== 'UNSAFE_VAR_ASSIGNMENT' || source === undefined || finding.line === undefined || finding.column === undefined)
    return false;
  const line = source.split('\n')[finding.line - 1] ?? '';
  // The column points at the assignment; the whole function must be lit's, around it.
  const around = line.slice(Math.max(0, finding.column - 200), finding.column + 100);
  return LIT_CREATE_ELEMENT.test(around);
}

/** The findings that fail the check, one line each. */
export function lintProblems(report: LintReport, readSource: (file: string) => string | undefined): string[] {
  const line = (kind: string, f: LintFinding) => `${kind} ${f.code}: ${f.message} (${f.file ?? '?'}:${f.line ?? '?'}:${f.column ?? '?'})`;
  return [
    ...report.errors.map((f) => line('error', f)),
    ...report.notices.map((f) => line('notice', f)),
    ...report.warnings
      .filter((f) => !isAcceptedLitWarning(f, f.file === undefined ? undefined : readSource(f.file)))
      .map((f) => line('warning', f)),
  ];
}

function main(dir: string): number {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [join(process.cwd(), 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
  } catch (error) {
    // web-ext exits 1 when it finds an error; its report is still on stdout.
    output = String((error as { stdout?: unknown }).stdout ?? '');
  }
  let report: LintReport;
  try {
    report = JSON.parse(output) as LintReport;
  } catch {
    console.error(`lint-firefox: web-ext gave no report for ${dir} (build it first: wxt build -b firefox)`);
    return 1;
  }
  const problems = lintProblems(report, (file) => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      return undefined;
    }
  });
  for (const problem of problems) console.error(problem);
  const accepted = report.warnings.length - problems.filter((p) => p.startsWith('warning')).length;
  if (accepted > 0) console.error(`lint-firefox: ${accepted} accepted warning (lit's template element, scripts/lint-firefox.ts)`);
  return problems.length === 0 ? 0 : 1;
}

// Run as a script (not when a test imports the functions above).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main(process.argv[2] ?? '.output/firefox-mv2'));
}

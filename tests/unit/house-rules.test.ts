import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file of ours under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('house rules (issue 18)', () => {
  // A file past this length does several jobs: split it by job, as lib/index-build and the options page are.
  it('keeps every source and test file at 400 lines or fewer', () => {
    const tooLong = ['lib', 'entrypoints', 'scripts', 'tests']
      .flatMap(sourceFiles)
      .map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400);
    expect(tooLong).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NhsIndex } from '../../lib/index/schema';
import { validateIndex } from '../../lib/index/validate';

/** The committed bundled index, validated with the extension's own validator. */
export function loadBundledIndex(): NhsIndex {
  const result = validateIndex(JSON.parse(readFileSync(join(process.cwd(), 'assets/index.json'), 'utf8')));
  if (!result.ok) throw new Error(`bundled index invalid: ${JSON.stringify(result.problems[0])}`);
  return result.index;
}

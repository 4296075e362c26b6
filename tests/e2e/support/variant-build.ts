import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NhsIndex } from '../../../lib/index/schema';
import { validateIndex } from '../../../lib/index/validate';

/**
 * Builds the extension with another bundled index (for states the real index cannot show yet:
 * measured figures, an out-of-date index) into .output/variants/<name>, and returns its folder:
 * Chrome's build, or Firefox's with `firefox` (issue 22).
 */
export function buildVariant(name: string, index: NhsIndex, env: Record<string, string> = {}, firefox = false): string {
  const result = validateIndex(index);
  if (!result.ok) throw new Error(`variant ${name}: invalid index at ${result.problems[0]?.path}: ${result.problems[0]?.message}`);
  const dir = join(process.cwd(), '.output/variants', name);
  mkdirSync(dir, { recursive: true });
  const indexFile = join(dir, 'index.json');
  writeFileSync(indexFile, JSON.stringify(index));
  execFileSync(process.execPath, [join(process.cwd(), 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(firefox ? ['-b', 'firefox'] : [])], {
    env: { ...process.env, ...env, NSL_BUNDLED_INDEX: indexFile, NSL_OUT_DIR: join(dir, 'build') },
    stdio: 'ignore',
  });
  return join(dir, firefox ? 'build/firefox-mv2' : 'build/chrome-mv3');
}

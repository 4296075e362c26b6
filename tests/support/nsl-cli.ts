import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the real command line (`bin/nsl.js`, as `npx nsl` does) and captures its three channels. */
export function nsl(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/nsl.js', ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** stdout as one parsed JSON value per line. */
export const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Writes `text` to a fresh temporary folder of this test file's and returns its path. */
export function tempFileWriter(prefix = 'nsl-cli-'): (name: string, text: string) => string {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  return (name, text) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
}

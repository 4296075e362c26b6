import { spawn } from 'node:child_process';

export interface NslRun {
  code: number | null;
  /** stdout, one parsed JSON value per line (the command line's machine-readable channel). */
  lines: Record<string, unknown>[];
  stderr: string;
}

/**
 * Runs the real command line (`bin/nsl.js`, as `npx nsl` does) beside the test process, so a
 * loopback server in this process can still answer it.
 */
export function runNsl(args: string[], env: Record<string, string> = {}): Promise<NslRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/nsl.js', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) =>
      resolve({
        code,
        stderr,
        lines: stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      }),
    );
  });
}

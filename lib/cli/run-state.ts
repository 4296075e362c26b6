import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CliError } from './cli-error';

/**
 * The state file of a resumable run: which items are done. Written after every item (through a
 * temporary file, so an interrupted write never leaves half a file), so re-running continues.
 */
export function openRunState(path: string, command: string, fresh: boolean) {
  let done: Record<string, string> = {};
  if (!fresh && existsSync(path)) {
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as { command?: string; done?: Record<string, string> };
      if (saved.command !== command)
        throw new CliError(`${path} belongs to "${saved.command}", not "${command}": use another --state file`);
      done = saved.done ?? {};
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${path}: the state file cannot be read; delete it or pass --fresh`);
    }
  }
  return {
    isDone: (key: string) => key in done,
    count: () => Object.keys(done).length,
    markDone(key: string, when: string) {
      done[key] = when;
      writeFileSync(`${path}.tmp`, JSON.stringify({ command, done }, null, 1));
      renameSync(`${path}.tmp`, path);
    },
  };
}

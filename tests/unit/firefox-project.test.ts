import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { firefoxProjectAsked } from '../support/firefox';

const vitest = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
  });

const FIREFOX_FILES = [
  '[firefox] tests/firefox/extension.test.ts',
  '[firefox] tests/firefox/refresh.test.ts',
  '[firefox] tests/firefox/survey.test.ts',
];

describe('the Firefox tests in a run (issue 22)', () => {
  it('are part of `npm test` where Firefox is installed', () => {
    // Any file that exists stands in for the browser: listing files starts none.
    const run = vitest(['list', '--filesOnly'], { FIREFOX_PATH: process.execPath });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual(expect.arrayContaining(FIREFOX_FILES));
    expect(run.stderr).not.toContain('Firefox tests left out');
  });

  it('are left out of `npm test` where it is missing, in one line saying how to install it', () => {
    const run = vitest(['list', '--filesOnly'], { FIREFOX_PATH: '/nonexistent/firefox-esr' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('[firefox]');
    expect(run.stdout).toContain('[unit] tests/unit/firefox-project.test.ts');
    expect(run.stderr).toContain(
      "Firefox tests left out: no Firefox at /nonexistent/firefox-esr: install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH",
    );
  });

  it('fail `npm run test:firefox` at once, each file, where it is missing, and the summary counts them', () => {
    const started = Date.now();
    const run = vitest(['run', '--project', 'firefox'], { FIREFOX_PATH: '/nonexistent/firefox-esr' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(
      "no Firefox at /nonexistent/firefox-esr: install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH",
    );
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`0 passed, ${FIREFOX_FILES.length} failed`);
    // Before any browser starts: seconds, not the minute the Firefox tests take.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.each<[string[], boolean]>([
    [['run', '--project', 'firefox'], true],
    [['run', '--project=firefox'], true],
    [['run', '--project', 'unit', '--project', 'firefox'], true],
    [['run'], false],
    [['run', '--project', 'e2e'], false],
    [['run', 'firefox'], false],
    [['run', '--project'], false],
  ])('a command line %j asks for the Firefox project: %s', (argv, asked) => {
    expect(firefoxProjectAsked(argv)).toBe(asked);
  });
});

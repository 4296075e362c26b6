import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflows, readWorkflows } from '../../scripts/lint-workflows';

const BROKEN = 'tests/fixtures/workflows-broken';

/** Runs `npm run check:workflows`'s script on a folder: its exit status and the lines it printed. */
function runLinter(dir: string): { status: number; lines: string[] } {
  try {
    execFileSync(process.execPath, [join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), 'scripts/lint-workflows.ts', dir], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, lines: [] };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { status: failed.status, lines: failed.stderr.split('\n').filter(Boolean) };
  }
}

describe('lint-workflows (actionlint, issue 21)', () => {
  it('passes the project’s own workflows: CI, the index refresh and the release', async () => {
    const files = readWorkflows('.github/workflows');
    expect(files.map((f) => f.path)).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/refresh-index.yml',
      '.github/workflows/release.yml',
    ]);
    expect(await lintWorkflows(files)).toEqual([]);
  });

  it('catches an unknown key and an expression reading a property that does not exist, one line each', async () => {
    const problems = await lintWorkflows(readWorkflows(BROKEN));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^tests\/fixtures\/workflows-broken\/broken\.yml:14:5: unexpected key "timeout-minute" for "job" section.* \[syntax-check\]$/,
    );
    expect(problems[1]).toMatch(
      /^tests\/fixtures\/workflows-broken\/broken\.yml:16:\d+: property "no_such_property" is not defined.* \[expression\]$/,
    );
  });

  it('catches a mistake slipped into a sound workflow (a job needing one that does not exist)', async () => {
    const [release] = readWorkflows('.github/workflows').filter((f) => f.path.endsWith('release.yml'));
    const text = (release?.text ?? '').replace('needs: zips', 'needs: zipz');
    const problems = await lintWorkflows([{ path: 'release.yml', text }]);
    expect(problems).toContainEqual(
      expect.stringMatching(/^release\.yml:\d+:\d+: job "release" needs job "zipz" which does not exist.*\[job-needs\]$/),
    );
  });

  it('as a script: exit 1 and one line per problem for the broken folder, exit 0 for ours', () => {
    const broken = runLinter(BROKEN);
    expect(broken.status).toBe(1);
    expect(broken.lines).toHaveLength(2);
    for (const line of broken.lines) expect(line).toMatch(/^tests\/fixtures\/workflows-broken\/broken\.yml:\d+:\d+: .+ \[[a-z-]+\]$/);
    expect(runLinter('.github/workflows')).toEqual({ status: 0, lines: [] });
  }, 30_000);

  it('as a script: a folder with no workflow is a failure, in one line', () => {
    expect(runLinter('tests/fixtures/keys')).toEqual({ status: 1, lines: ['lint-workflows: no workflow (.yml) in tests/fixtures/keys'] });
  }, 30_000);
});

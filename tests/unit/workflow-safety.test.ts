import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DISCOVER_USAGE } from '../../lib/cli/commands/accounts-discover';
import { REPORT_USAGE } from '../../lib/cli/commands/index-report';
import { METRICS_USAGE } from '../../lib/cli/commands/metrics-collect';

/** The parts of a GitHub Actions workflow these checks read. */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  container?: string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group?: string; 'cancel-in-progress'?: unknown };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = '.github/workflows';
const texts = Object.fromEntries(
  readdirSync(DIR)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => [name, readFileSync(join(DIR, name), 'utf8')]),
);
const workflows = Object.entries(texts).map(([name, text]) => ({ name, workflow: parse(text) as Workflow }));
const workflow = (name: string) => workflows.find((w) => w.name === name)?.workflow as Workflow;
const allJobs = workflows.flatMap(({ name, workflow: w }) => Object.entries(w.jobs).map(([id, job]) => ({ file: name, id, job })));
const actionOf = (step: Step) => step.uses?.split('@')[0];

/** Every string in a parsed workflow, with the path to it (jobs.publish.steps.3.env.KEY). */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}.${i}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => [...strings(key, `${path}.<key>`), ...strings(item, `${path}.${key}`)]);
  return [];
}

/** The `nsl` commands a workflow's run steps call, in order: "accounts discover --state … --out …". */
function cliCalls(w: Workflow): string[] {
  return Object.values(w.jobs)
    .flatMap((job) => job.steps.map((step) => step.run ?? ''))
    .flatMap((script) =>
      [...script.replaceAll('\\\n', ' ').matchAll(/npm run --silent cli -- ([^|>\n]+)/g)].map((m) => (m[1] ?? '').trim()),
    );
}

describe('the workflows’ safety rules (issue 21)', () => {
  it('are the three workflows: CI, the index refresh and the release', () => {
    expect(Object.keys(texts).sort()).toEqual(['ci.yml', 'refresh-index.yml', 'release.yml']);
  });

  it('pin every action to a full commit SHA, with its version in a comment, the same everywhere', () => {
    const pins = new Map<string, string>();
    for (const [name, text] of Object.entries(texts)) {
      for (const line of text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l))) {
        const match = /uses: ([\w.-]+\/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$/.exec(line);
        expect(match, `${name}: ${line.trim()}`).not.toBeNull();
        const [, action = '', sha = ''] = match ?? [];
        // One repository, one commit: actions/cache/restore and /save come from the cache action's.
        const repository = action.split('/').slice(0, 2).join('/');
        expect(pins.get(repository) ?? sha, `${repository} pinned to two commits`).toBe(sha);
        pins.set(repository, sha);
      }
    }
    const parsedUses = allJobs.flatMap(({ job }) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(parsedUses.length).toBeGreaterThan(10);
    for (const uses of parsedUses) expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
  });

  it('give every job a timeout', () => {
    for (const { file, id, job } of allJobs) {
      const minutes = job['timeout-minutes'];
      expect(Number.isInteger(minutes) && (minutes ?? 0) >= 1 && (minutes ?? 0) <= 360, `${file} ${id}: timeout-minutes ${minutes}`).toBe(
        true,
      );
    }
  });

  it('read only at the top, and each job writes only what its actions need', () => {
    const needs: Record<string, readonly string[]> = {
      'actions/deploy-pages': ['pages', 'id-token'],
      'peter-evans/create-pull-request': ['contents', 'pull-requests'],
      'softprops/action-gh-release': ['contents'],
    };
    for (const { name, workflow: w } of workflows) expect(w.permissions, name).toEqual({ contents: 'read' });
    for (const { file, id, job } of allJobs) {
      const needed = new Set(job.steps.flatMap((step) => needs[actionOf(step) ?? ''] ?? []));
      // `npm publish --provenance` signs with the job's OIDC token (issue 28).
      if (job.steps.some((step) => /npm publish --provenance/.test(step.run ?? ''))) needed.add('id-token');
      const written = Object.entries(job.permissions ?? {})
        .filter(([, level]) => level === 'write')
        .map(([scope]) => scope);
      expect(written.sort(), `${file} ${id}`).toEqual([...needed].sort());
    }
  });

  it('run one at a time per group: every workflow has a concurrency group', () => {
    for (const { name, workflow: w } of workflows) expect(w.concurrency?.group, name).toMatch(/\S/);
    expect(workflow('refresh-index.yml').concurrency).toEqual({ group: 'refresh-index', 'cancel-in-progress': false });
  });

  it('hand each secret to one step’s environment only, never to an action or a whole job', () => {
    const uses = workflows.flatMap(({ name, workflow: w }) => strings(w, name)).filter(({ text }) => /secrets\./.test(text));
    expect(uses.map(({ path, text }) => `${path}=${text}`)).toEqual([
      expect.stringMatching(/^refresh-index\.yml\.jobs\.collect\.steps\.\d+\.env\.YOUTUBE_API_KEY=\$\{\{ secrets\.YOUTUBE_API_KEY \}\}$/),
      expect.stringMatching(
        /^refresh-index\.yml\.jobs\.publish\.steps\.\d+\.env\.NSL_INDEX_SIGNING_KEY=\$\{\{ secrets\.NSL_INDEX_SIGNING_KEY \}\}$/,
      ),
      expect.stringMatching(/^release\.yml\.jobs\.npm\.steps\.\d+\.env\.NODE_AUTH_TOKEN=\$\{\{ secrets\.NPM_TOKEN \}\}$/),
    ]);
  });

  it('write the signing key to a private file under $RUNNER_TEMP, never print it, never upload it, and remove it', () => {
    const publish = workflow('refresh-index.yml').jobs.publish as Job;
    const [step, ...others] = publish.steps.filter((s) => s.env?.NSL_INDEX_SIGNING_KEY !== undefined);
    expect(others).toEqual([]);
    expect(step?.uses).toBeUndefined();
    const script = step?.run ?? '';
    const lines = script.split('\n').map((l) => l.trim());
    // umask 077 before the folder and the file exist; the folder under $RUNNER_TEMP; removed on any exit.
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    expect(at(/^umask 077$/)).toBeGreaterThanOrEqual(0);
    expect(at(/^umask 077$/)).toBeLessThan(at(/^key_dir="\$\(mktemp -d "\$RUNNER_TEMP\/nsl-key\.XXXXXX"\)"$/));
    expect(at(/^trap 'rm -rf "\$key_dir"' EXIT$/)).toBeLessThan(at(/> "\$key_dir\/index-signing\.key"$/));
    // The key's only uses: the check that it is set, the write to the file (printf is a shell
    // builtin: no process sees it as an argument), and taking it out of the environment.
    expect(lines.filter((l) => l.includes('NSL_INDEX_SIGNING_KEY') && !l.startsWith('echo "::error::'))).toEqual([
      'if [ -z "$NSL_INDEX_SIGNING_KEY" ]; then',
      `printf '%s\\n' "$NSL_INDEX_SIGNING_KEY" > "$key_dir/index-signing.key"`,
      'unset NSL_INDEX_SIGNING_KEY',
    ]);
    expect(at(/^unset NSL_INDEX_SIGNING_KEY$/)).toBeLessThan(at(/^npm /));
    expect(script).not.toMatch(/set -x|xtrace|printenv|\benv\b|tee|cat "\$key_dir|GITHUB_(OUTPUT|ENV|STEP_SUMMARY)/);
    expect(script).toContain('index publish --key "$key_dir/index-signing.key" --out site \\\n');
    expect(script).toContain('--min-extension-version "$MIN_EXTENSION_VERSION" > /dev/null');
    // What leaves the job is the site folder only, which the key never enters.
    const uploads = publish.steps.filter((s) => /upload/.test(actionOf(s) ?? ''));
    expect(uploads.map((s) => s.with?.path)).toEqual(['site']);
    expect(script).not.toMatch(/site\/[^"\s]*key|cp "\$key_dir/);
    // No other job or workflow-wide environment can see it.
    expect(JSON.stringify(workflow('refresh-index.yml').env ?? {})).not.toContain('secrets.');
    for (const { job } of allJobs) expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
  });

  it('never push to main: the new data comes back as a pull request', () => {
    for (const { job } of allJobs) for (const step of job.steps) expect(step.run ?? '').not.toMatch(/git push|git commit/);
    const refresh = workflow('refresh-index.yml');
    const pr = Object.values(refresh.jobs)
      .flatMap((job) => job.steps)
      .find((s) => actionOf(s) === 'peter-evans/create-pull-request');
    expect(pr?.with?.branch).toBe('refresh/index');
    expect(pr?.with?.base).toBeUndefined();
    expect(String(pr?.with?.['add-paths']).trim().split('\n')).toEqual([
      'data/discovered/*.jsonl',
      'data/metrics/*.jsonl',
      'data/index-release.json',
      'assets/index.json',
    ]);
  });

  it('CI runs .ci/run on every push and pull request, in Debian bookworm with Node 20', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const [job] = Object.values(ci.jobs);
    expect(job?.container).toMatch(/^node:20-bookworm@sha256:[0-9a-f]{64}$/);
    expect(job?.steps.map((s) => s.run)).toContain('.ci/run');
  });

  it('the refresh runs weekly and by hand, the pipeline’s real commands in order, tests before publishing', () => {
    const refresh = workflow('refresh-index.yml');
    expect(refresh.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* [0-6]$/) }]);
    expect(refresh.on).toHaveProperty('workflow_dispatch');
    const calls = cliCalls(refresh);
    expect(calls.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
      'accounts discover',
      'index build',
      'metrics collect',
      'index build',
      'index report',
      'index publish',
      'index verify',
      'export --format',
    ]);
    // Every option given is one the command takes (its usage line), and discovery covers every
    // organisation with a domain (no --ods), its state file in the folder the cache keeps.
    const optionsOf = (call: string) => [...call.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    const discover = calls[0] ?? '';
    for (const option of optionsOf(discover)) expect(DISCOVER_USAGE).toContain(`${option} `);
    expect(discover).not.toContain('--ods');
    expect(discover).toContain('--state "$PROGRESS/discover-state.json"');
    for (const option of optionsOf(calls[2] ?? '')) expect(METRICS_USAGE).toContain(`${option}`);
    expect(calls[2]).toContain('--state "$PROGRESS/metrics-state.json"');
    expect(calls[7]).toBe('export --format datapackage --out site/dataset');
    // The pull request carries the change report a maintainer reads before merging, every option one the command takes.
    for (const option of optionsOf(calls[4] ?? '')) expect(REPORT_USAGE).toContain(`${option} `);
    expect(refresh.env?.PROGRESS).toBe('.nsl-refresh');
    const cached = refresh.jobs.collect?.steps.filter((s) => /^actions\/cache\/(restore|save)$/.test(actionOf(s) ?? '')) ?? [];
    expect(cached.map((s) => [actionOf(s), s.with?.path])).toEqual([
      ['actions/cache/restore', '.nsl-refresh'],
      ['actions/cache/save', '.nsl-refresh'],
    ]);
    // The chain: nothing is published before the tests pass, nothing proposed before it is deployed.
    expect(Object.entries(refresh.jobs).map(([id, job]) => [id, job.needs])).toEqual([
      ['collect', undefined],
      ['test', 'collect'],
      ['publish', 'test'],
      ['deploy', 'publish'],
      ['propose', 'deploy'],
    ]);
    expect(refresh.jobs.test?.steps.map((s) => s.run)).toContain('.ci/run');
    expect(refresh.jobs.deploy?.steps.map(actionOf)).toEqual(['actions/deploy-pages']);
  });

  it('a version tag releases the Chrome, Firefox and sources zips that `npm run zip` builds', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.jobs.zips?.steps.map((s) => s.run)).toContain('npm run zip');
    const gh = release.jobs.release?.steps.find((s) => actionOf(s) === 'softprops/action-gh-release');
    const files = String(gh?.with?.files).trim().split('\n');
    expect(files.map((f) => f.replace(/.*-/, ''))).toEqual(['chrome.zip', 'firefox.zip', 'sources.zip']);
    expect(gh?.with?.fail_on_unmatched_files).toBe(true);
  });
});

/**
 * Rules zizmor (the GitHub Actions auditor) applies, kept here because zizmor cannot be installed
 * from the registries this project uses: it is on PyPI and crates.io, not npm (`npm view zizmor`:
 * 404), and no Debian package (issue 28).
 */
describe('the workflows’ supply-chain rules (issue 28)', () => {
  const setupNode = (job: Job) => job.steps.filter((s) => actionOf(s) === 'actions/setup-node');
  /** Jobs that build what is released or published, or hold a secret or a write token: no cache may reach them. */
  const trusted = allJobs.filter(
    ({ file, id }) => file === 'release.yml' || (file === 'refresh-index.yml' && ['publish', 'deploy', 'propose'].includes(id)),
  );

  it('no release or publish job restores a cache (zizmor cache-poisoning)', () => {
    expect(trusted.map(({ file, id }) => `${file} ${id}`)).toEqual(
      expect.arrayContaining(['release.yml zips', 'release.yml npm', 'refresh-index.yml publish']),
    );
    for (const { file, id, job } of trusted) {
      for (const step of setupNode(job)) {
        expect(step.with?.cache, `${file} ${id}`).toBeUndefined();
        // setup-node caches npm on its own when package.json names a package manager: said off outright.
        expect(step.with?.['package-manager-cache'], `${file} ${id}`).toBe(false);
      }
      expect(job.steps.filter((s) => /^actions\/cache/.test(actionOf(s) ?? '')).length, `${file} ${id}`).toBe(0);
    }
  });

  it('pin every container image by digest', () => {
    const containers = allJobs.filter(({ job }) => job.container !== undefined);
    expect(containers.length).toBeGreaterThan(0);
    for (const { file, id, job } of containers) expect(job.container, `${file} ${id}`).toMatch(/^[\w./-]+(:[\w.-]+)?@sha256:[0-9a-f]{64}$/);
  });

  it('Dependabot waits a cooldown before proposing a new release', () => {
    const dependabot = parse(readFileSync('.github/dependabot.yml', 'utf8')) as { updates: { cooldown?: { 'default-days'?: number } }[] };
    expect(dependabot.updates.length).toBeGreaterThan(0);
    for (const update of dependabot.updates) expect(update.cooldown?.['default-days']).toBeGreaterThanOrEqual(3);
  });

  it('publishes the command line to npm from a tag, with provenance, after the zips are built', () => {
    const npm = workflow('release.yml').jobs.npm as Job;
    expect(npm.needs).toBe('zips');
    expect(npm.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(npm.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm publish --provenance --access public',
    ]);
  });
});

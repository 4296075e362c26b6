/**
 * `npm run --silent pipeline:offline -- --out DIR [--previous INDEX] [--date YYYY-MM-DD]`: the
 * weekly refresh (issue 21) on one machine without the web. The same commands the workflow runs
 * (accounts discover, metrics collect, index build, export, index publish), against one loopback
 * server standing in for a dozen organisations' sites and for Bluesky's and Mastodon's APIs,
 * with a throwaway signing key. It leaves:
 *   DIR/keys      index-signing.key (private) and index-signing.pub
 *   DIR/publish   index.json and its signed manifest.json (`nsl index verify DIR/publish --pub DIR/keys/index-signing.pub`)
 *   DIR/dataset   the data package (`nsl export --format datapackage`)
 *   DIR/report.md what changed since the previous index (default: the bundled one)
 *   DIR/work      the run's own files: collected facts, intermediate indexes, each command's log
 * A build that fails validation, is not newer, or would drop more than a fifth of the
 * organisations publishes nothing, and the run fails with one line saying why.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dateOption, parseArgs, stringOption } from '../../lib/cli/args';
import { CliError } from '../../lib/cli/cli-error';
import { BUNDLED_INDEX_PATH, loadIndex, PROJECT_ROOT, say } from '../../lib/cli/io';
import { changeReport } from '../../lib/index-build/pipeline/change-report';
import { indexChanges, runFactsFromLines } from '../../lib/index-build/pipeline/index-changes';
import { releaseGate } from '../../lib/index-build/pipeline/release-gate';
import { API_HOSTS, apiAnswers, FIXTURE_SITES } from './fixtures';
import { type SiteRoute, startLoopbackServer } from './servers';

const USAGE = 'usage: pipeline:offline -- --out DIR [--previous INDEX] [--date YYYY-MM-DD]';

/** Runs one `nsl` command beside this process (whose server must keep answering), its output in a log; fails with its one line. */
function nsl(step: string, args: string[], logs: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/nsl.js'), ...args], { env: { ...process.env, ...env } });
    child.stdout.pipe(createWriteStream(join(logs, `${step}.jsonl`)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => {
      writeFileSync(join(logs, `${step}.log`), stderr);
      // The command's last line is its summary, or, on failure, the one line saying why.
      const last =
        stderr
          .replace(/\r[^\n]*(?=\n|$)/g, '')
          .trim()
          .split('\n')
          .pop()
          ?.replace(/^nsl: /, '') ?? '';
      if (code === 0) resolvePromise(last || 'done');
      else reject(new CliError(`${step} failed: ${last || `exit ${code}`}`));
    });
  });
}

/** Copies the facts already collected (data/discovered, data/metrics, data/curated) into the run's folder, so a build keeps them. */
function copyCollected(collected: string): void {
  for (const kind of ['discovered', 'metrics', 'curated']) {
    const from = join(PROJECT_ROOT, 'data', kind);
    mkdirSync(join(collected, kind), { recursive: true });
    if (!existsSync(from)) continue;
    for (const name of readdirSync(from).filter((n) => n.endsWith('.jsonl'))) copyFileSync(join(from, name), join(collected, kind, name));
  }
}

async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['out', 'previous', 'date']);
  const out = stringOption(args, 'out');
  if (out === undefined || args.positionals.length > 0) throw new CliError(USAGE);
  const dir = resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new CliError(`${dir} is not empty: give a new folder`);
  const previousPath = resolve(stringOption(args, 'previous') ?? BUNDLED_INDEX_PATH);
  const previous = loadIndex(previousPath);
  const date = dateOption(args, 'date') ?? new Date().toISOString().slice(0, 10);
  const [keys, work, logs, collected] = [join(dir, 'keys'), join(dir, 'work'), join(dir, 'work/logs'), join(dir, 'work/collected')];
  mkdirSync(logs, { recursive: true });
  copyCollected(collected);

  const sites: SiteRoute[] = FIXTURE_SITES.map((site) => {
    const org = previous.organisations.find((o) => o.id === site.ods);
    const host = org?.domains[0]?.host;
    if (org === undefined || host === undefined)
      throw new CliError(`${previousPath}: no organisation ${site.ods} with a website, which the fixture sites need`);
    return { host, name: org.name, site };
  });
  const server = await startLoopbackServer(sites, apiAnswers(new Date(`${date}T12:00:00Z`)), API_HOSTS, join(work, 'tls'));
  const env = { NODE_EXTRA_CA_CERTS: server.caFile };
  const connect = ['--connect-to', `127.0.0.1:${server.port}`, '--delay-ms', '0', '--timeout-ms', '5000', '--fresh', '--date', date];
  const step = async (name: string, commandArgs: string[]) => say(`pipeline: ${name}: ${await nsl(name, commandArgs, logs, env)}`);
  const discoveries = join(collected, 'discovered', `${date}.jsonl`);
  const snapshot = join(collected, 'metrics', `${date}.jsonl`);
  const release = join(work, 'index-release.json');
  const [discoveredIndex, builtIndex] = [join(work, 'index-discovered.json'), join(work, 'index.json')];
  writeFileSync(release, `${JSON.stringify({ indexVersion: previous.indexVersion + 1, generatedAt: `${date}T00:00:00.000Z` })}\n`);
  try {
    await step('keygen', ['index', 'keygen', '--out', keys]);
    const ods = sites.flatMap((s) => ['--ods', s.site.ods]);
    await step('discover', [
      'accounts',
      'discover',
      ...ods,
      '--index',
      previousPath,
      '--out',
      discoveries,
      '--state',
      join(work, 'discover-state.json'),
      '--max-pages',
      '2',
      ...connect,
    ]);
    // Built once with the discoveries, so the accounts just found are measured too; then again with their figures.
    await step('build-discovered', ['index', 'build', '--collected', collected, '--release', release, '--out', discoveredIndex]);
    await step('metrics', [
      'metrics',
      'collect',
      '--platform',
      'bluesky',
      '--platform',
      'mastodon',
      '--index',
      discoveredIndex,
      '--out',
      snapshot,
      '--state',
      join(work, 'metrics-state.json'),
      ...connect,
    ]);
    await step('build', ['index', 'build', '--collected', collected, '--release', release, '--out', builtIndex]);
  } finally {
    await server.close();
  }
  const gate = releaseGate(previous, JSON.parse(readFileSync(builtIndex, 'utf8')));
  if (!gate.ok) throw new CliError(`nothing published: ${gate.reason}`);
  await step('export', ['export', '--format', 'datapackage', '--index', builtIndex, '--out', join(dir, 'dataset')]);
  const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
  writeFileSync(
    join(dir, 'report.md'),
    changeReport(indexChanges(previous, gate.index, runFactsFromLines(lines(discoveries), lines(snapshot)))),
  );
  say(`pipeline: report: ${join(dir, 'report.md')}`);
  // Published last, so a run that fails anywhere before leaves nothing to deploy.
  await step('publish', [
    'index',
    'publish',
    '--key',
    join(keys, 'index-signing.key'),
    '--out',
    join(dir, 'publish'),
    '--previous',
    previousPath,
    builtIndex,
  ]);
  try {
    await step('verify', ['index', 'verify', join(dir, 'publish'), '--pub', join(keys, 'index-signing.pub'), '--installed', previousPath]);
  } catch (error) {
    // A copy the extension's own checks refuse is never left where a deploy would find it.
    rmSync(join(dir, 'publish'), { recursive: true, force: true });
    throw error;
  }
}

run(process.argv.slice(2)).then(
  () => undefined,
  (error: unknown) => {
    say(
      `pipeline: ${error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`}`,
    );
    process.exitCode = 1;
  },
);

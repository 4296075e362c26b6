import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NhsIndex } from '../../lib/index/schema';
import { adoptionOf } from '../../lib/metrics/adoption';
import { loadBundledIndex } from '../support/bundled-index';
import { descriptorErrors, rowProblems } from '../support/data-package-check';
import { makeOrganisation } from '../support/index-factory';
import { jsonLines, nsl } from '../support/nsl-cli';

/** Runs `npm run --silent pipeline:offline -- ARGS` as the workflow and a maintainer do (asynchronously: it serves its own loopback sites). */
function pipeline(args: string[]): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'pipeline:offline', '--', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
}

const DATE = '2026-11-28';
const PIPELINE_TIMEOUT = 120_000;

describe('npm run pipeline:offline', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nsl-pipeline-')), 'run');
  let run: Awaited<ReturnType<typeof pipeline>>;
  let built: NhsIndex;
  beforeAll(async () => {
    run = await pipeline(['--out', dir, '--date', DATE]);
    built = JSON.parse(readFileSync(join(dir, 'publish/index.json'), 'utf8')) as NhsIndex;
  }, PIPELINE_TIMEOUT);

  it('runs discover, metrics, build, export and publish against loopback stand-ins, and the published copy verifies with the throwaway key', () => {
    expect(run.stderr).not.toMatch(/internal error|nothing published| failed: /);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['dataset', 'keys', 'publish', 'report.md', 'work']);
    expect(readdirSync(join(dir, 'publish')).sort()).toEqual(['index.json', 'manifest.json']);
    const verified = nsl(['index', 'verify', join(dir, 'publish'), '--pub', join(dir, 'keys/index-signing.pub')]);
    expect(verified.stderr).toBe('');
    expect(jsonLines(verified.stdout)[0]).toMatchObject({ valid: true, indexVersion: loadBundledIndex().indexVersion + 1 });
  });

  it('finds the accounts the fixture sites link and measures them; an unread site stays "unknown", never "none"', () => {
    const byId = new Map(built.organisations.map((o) => [o.id, o]));
    const gstt = byId.get('RJ1');
    expect(gstt?.accounts.find((a) => a.handle === 'gstt-nsl-test.bsky.social')?.metrics).toMatchObject({
      followers: 5120,
      measuredAt: DATE,
    });
    expect(gstt && adoptionOf(gstt).level).toBe('several-platforms');
    const nuh = byId.get('RX1');
    expect(nuh && adoptionOf(nuh).level).toBe('none');
    const alderHey = byId.get('RBS');
    expect(alderHey?.platformChecks).toEqual([]);
    expect(alderHey && adoptionOf(alderHey).level).toBe('unknown');
    expect(byId.get('RGT')?.accounts.find((a) => a.platform === 'bluesky')?.state).toBe('closed');
  });

  it('writes report.md: accounts added and closed, level changes, the site that could not be read and the figures not fetched', () => {
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/^# Index refresh: version \d+ to \d+\n/);
    expect(report).toMatch(
      /\| Alder Hey Children's NHS Foundation Trust \(RBS\) \| `https:\/\/alderhey\.nhs\.uk\/` \| robots\.txt could not be read \(HTTP 503 after 3 tries\), so nothing is read there \| Not yet known \|/,
    );
    expect(report).toContain(
      "| Guy's and St Thomas' NHS Foundation Trust (RJ1) | Bluesky | `https://bsky.app/profile/gstt-nsl-test.bsky.social` |",
    );
    expect(report).toContain('| Nottingham University Hospitals NHS Trust (RX1) | Not yet known | No social media found |');
    expect(report).toMatch(
      /## Accounts closed\n\n\|.*\n\|.*\n\| Cambridge University Hospitals NHS Foundation Trust \(RGT\) \| Bluesky \|/,
    );
    expect(report).toContain(
      '| RYJ | `https://bsky.app/profile/imperial-nsl-test.bsky.social` | HTTP 502 after 4 tries | none measured yet |',
    );
  });

  it('writes the data package of the published index, valid against the specification, and no private key anywhere it publishes', () => {
    const descriptor = JSON.parse(readFileSync(join(dir, 'dataset/datapackage.json'), 'utf8'));
    expect(descriptorErrors(descriptor)).toBe('');
    expect(descriptor.indexVersion).toBe(built.indexVersion);
    const { problems, rows } = rowProblems(join(dir, 'dataset'), descriptor);
    expect(problems).toEqual([]);
    expect(rows.get('metrics')).toBe(3);
    const secret = readFileSync(join(dir, 'keys/index-signing.key'), 'utf8').trim();
    for (const sub of ['publish', 'dataset'])
      for (const name of readdirSync(join(dir, sub))) expect(readFileSync(join(dir, sub, name), 'utf8')).not.toContain(secret);
  });

  // About 20 s on an idle two-core machine (the budget is 30 s); the bound leaves room for the
  // other test files this one runs beside, and still catches a run that starts waiting on timeouts.
  it('runs in under a minute', () => {
    expect(run.ms).toBeLessThan(60_000);
  });
});

describe('npm run pipeline:offline refuses bad input in one line and publishes nothing', () => {
  it(
    'a build that would drop more than a fifth of the previous index’s organisations',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'nsl-pipeline-loss-'));
      const previous = loadBundledIndex();
      // The previous index knew 80 more organisations than the sources now give.
      previous.organisations.push(
        ...Array.from({ length: 80 }, (_, i) =>
          makeOrganisation({ id: `ZZ${String(i).padStart(3, '0')}`, domains: [], source: 'ods-ord-2026-08' }),
        ),
      );
      writeFileSync(join(root, 'previous.json'), JSON.stringify(previous));
      const { code, stderr } = await pipeline(['--out', join(root, 'run'), '--previous', join(root, 'previous.json'), '--date', DATE]);
      expect(stderr.trim().split('\n').pop()).toBe(
        `pipeline: nothing published: the built index would drop more than a fifth of the organisations: it would drop 80 of the ${previous.organisations.length} installed organisations (more than a fifth)`,
      );
      expect(code).toBe(1);
      expect(existsSync(join(root, 'run/publish'))).toBe(false);
      expect(existsSync(join(root, 'run/dataset'))).toBe(false);
    },
    PIPELINE_TIMEOUT,
  );

  it.each<[string, (root: string) => string[], RegExp]>([
    ['no --out', () => [], /^pipeline: usage: pipeline:offline -- --out DIR/],
    [
      'a folder that is not empty',
      (root) => {
        mkdirSync(join(root, 'full'));
        writeFileSync(join(root, 'full/x'), '');
        return ['--out', join(root, 'full')];
      },
      /^pipeline: .*full is not empty: give a new folder$/,
    ],
    [
      'a date that does not exist',
      (root) => ['--out', join(root, 'new'), '--date', '2026-02-30'],
      /^pipeline: --date must be a real date written YYYY-MM-DD, not "2026-02-30"$/,
    ],
    [
      'a previous index that is not valid',
      (root) => ['--out', join(root, 'new'), '--previous', join(root, 'nope.json')],
      /^pipeline: .*nope\.json: no such file$/,
    ],
  ])('%s', async (_label, args, message) => {
    const root = mkdtempSync(join(tmpdir(), 'nsl-pipeline-args-'));
    const { code, stderr } = await pipeline(args(root));
    expect(stderr.trim()).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(1);
  });
});

describe('nsl index build --release FILE (the version a refresh stamps, issue 21)', () => {
  it.each([
    ['not JSON', 'oops', /^nsl: .*release\.json: not JSON$/],
    [
      'no version',
      '{"generatedAt":"2026-11-28T00:00:00.000Z"}',
      /^nsl: .*release\.json: needs "indexVersion" \(a number\) and "generatedAt" \(an ISO timestamp\)$/,
    ],
  ])('refuses a release file with %s in one line', (_label, text, message) => {
    const root = mkdtempSync(join(tmpdir(), 'nsl-release-'));
    writeFileSync(join(root, 'release.json'), text);
    const { code, stderr } = nsl(['index', 'build', '--release', join(root, 'release.json'), '--out', join(root, 'index.json')]);
    expect(stderr.trim()).toMatch(message);
    expect(code).toBe(1);
    expect(existsSync(join(root, 'index.json'))).toBe(false);
  });
});

describe('nsl index publish --previous INDEX (the gate of a refresh that publishes into an empty folder, issue 21)', () => {
  const root = mkdtempSync(join(tmpdir(), 'nsl-publish-previous-'));
  const bundled = loadBundledIndex();
  const write = (name: string, index: NhsIndex) => {
    writeFileSync(join(root, name), JSON.stringify(index));
    return join(root, name);
  };
  const next = write('next.json', { ...bundled, indexVersion: bundled.indexVersion + 1 });
  const bigger = structuredClone(bundled);
  bigger.organisations.push(
    ...Array.from({ length: 80 }, (_, i) =>
      makeOrganisation({ id: `ZZ${String(i).padStart(3, '0')}`, domains: [], source: 'ods-ord-2026-08' }),
    ),
  );
  beforeAll(() => {
    nsl(['index', 'keygen', '--out', join(root, 'keys')]);
  });
  const publish = (index: string, previous: string, out: string) =>
    nsl(['index', 'publish', '--key', join(root, 'keys/index-signing.key'), '--out', join(root, out), '--previous', previous, index]);

  it.each([
    [
      'a release that is not newer',
      () => publish(write('same.json', bundled), write('previous.json', bundled), 'a'),
      /refusing to publish over .*previous\.json: the built index's version \d+ is not newer than the previous \d+$/,
    ],
    [
      'a release that drops more than a fifth',
      () => publish(next, write('bigger.json', bigger), 'b'),
      /refusing to publish over .*bigger\.json: the built index would drop more than a fifth of the organisations: it would drop 80 of the 390 installed organisations \(more than a fifth\)$/,
    ],
  ])('refuses %s in one line and writes nothing', (_label, run, message) => {
    const { code, stderr } = run();
    expect(stderr.trim()).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(1);
    expect(existsSync(join(root, 'a'))).toBe(false);
    expect(existsSync(join(root, 'b'))).toBe(false);
  });

  it('publishes a newer release that keeps the organisations', () => {
    const { code, stderr } = publish(next, write('previous.json', bundled), 'c');
    expect(stderr).toMatch(/^published index version \d+/);
    expect(code).toBe(0);
  });
});

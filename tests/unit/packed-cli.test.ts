// @vitest-environment node
/**
 * The command line as people install it (issue 28): `npm pack`, then the tarball installed into an
 * empty folder (npm's registry for its few run-time dependencies, from npm's cache where it can),
 * then `nsl` run from there. Proves the package carries the compiled command line and what it
 * reads, nothing of the tests, and needs no build step, no tsx and no wxt on install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** The environment without `npm test`'s own npm_* settings, so the child npm acts as a user's would. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 150_000 });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
};

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
let packed: { filename: string; files: { path: string }[]; entryCount: number; unpackedSize: number };
let folder = '';
let nsl: (...args: string[]) => { code: number | null; stdout: string; stderr: string };

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'nsl-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', out], process.cwd());
  expect(pack.code, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as (typeof packed)[])[0] as typeof packed;
  folder = mkdtempSync(join(tmpdir(), 'nsl-install-'));
  writeFileSync(join(folder, 'package.json'), '{ "private": true }\n');
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(out, packed.filename)], folder);
  expect(install.code, install.stderr).toBe(0);
  nsl = (...args) => run(join(folder, 'node_modules/.bin/nsl'), args, folder);
}, 180_000);

describe('the packed command line (issue 28)', () => {
  it('holds the compiled command line and what it reads, and nothing of the tests, screenshots or keys', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/cli/nsl.js', 'assets/index.json', 'package.json', 'README.md', 'LICENSE']));
    expect(paths.filter((p) => /^(tests|lib|entrypoints|scripts|bench|docs|\.github)\/|\.(key|png)$|screenshot/.test(p))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(folder, 'node_modules/nhs-social-lens/package.json'), 'utf8'));
    // No build step on install: no install scripts (prepare and prepack do not run for a tarball).
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
    expect(manifest.private).toBeUndefined();
  });

  it('installs only its run-time dependencies: no wxt, tsx, vitest or lit', () => {
    const installed = readdirSync(join(folder, 'node_modules'));
    for (const dev of ['wxt', 'tsx', 'vitest', 'lit', 'esbuild', 'playwright-core']) expect(installed).not.toContain(dev);
    expect(installed).toEqual(expect.arrayContaining(['valibot', 'tldts', '@noble']));
    // One HTML reader for the extension and the command line (issue 27): linkedom is not needed.
    expect(installed).not.toContain('linkedom');
    const lock = JSON.parse(readFileSync(join(folder, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    console.info(
      `packed-cli: ${Object.keys(lock.packages).length - 1} packages installed; the tarball unpacks to ${packed.unpackedSize} bytes`,
    );
    expect(Object.keys(lock.packages).length - 1).toBeLessThan(40);
  });

  it('answers --version and --help', () => {
    expect(nsl('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(nsl('lookup', '--help')).toMatchObject({ code: 0, stderr: expect.stringMatching(/^usage: nsl lookup /) });
  });

  it('looks up a trust’s website in the bundled index', () => {
    const { code, stdout, stderr } = nsl('lookup', 'https://www.uclh.nhs.uk/');
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout)).toMatchObject({ url: 'https://www.uclh.nhs.uk/', match: { ods: 'RRV', kind: 'trust' } });
  });

  it('exports the whole index as CSV', () => {
    const { code, stdout } = nsl('export', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^ods_code,code_scheme,name,/);
    expect(lines.length).toBeGreaterThan(300);
    expect(existsSync(join(folder, 'node_modules/nhs-social-lens/dist/cli/nsl.js'))).toBe(true);
  });
});

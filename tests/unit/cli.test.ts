import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIndex } from '../support/index-factory';

/** Runs the real command line (`bin/nsl.js`, as `npx nsl` does) and captures its three channels. */
function nsl(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/nsl.js', ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const tmp = mkdtempSync(join(tmpdir(), 'nsl-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('nsl lookup', () => {
  it('prints one JSON line per URL, with the match or null', () => {
    const { code, stdout, stderr } = nsl(['lookup', 'https://www.uclh.nhs.uk/', 'https://www.example.org/']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [uclh, other] = jsonLines(stdout);
    expect(uclh).toMatchObject({
      url: 'https://www.uclh.nhs.uk/',
      match: { ods: 'RRV', name: 'University College London Hospitals NHS Foundation Trust', website: 'uclh.nhs.uk', confidence: 'high' },
    });
    expect(other).toEqual({ url: 'https://www.example.org/', match: null, ambiguous: false, candidates: [] });
  });

  it('reads URLs one a line from stdin and flags a shared site as ambiguous', () => {
    const { code, stdout } = nsl(['lookup'], 'https://www.gosh.nhs.uk/\n\nhttps://www.nlg.nhs.uk/\n');
    expect(code).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => (l.match as { ods: string } | null)?.ods)).toEqual(['RP4', 'RJL']);
    expect(lines[1]).toMatchObject({ ambiguous: true });
    expect(lines[1]?.candidates).toHaveLength(2);
  });

  it('uses another index with --index', () => {
    const { code, stdout } = nsl([
      'lookup',
      '--index',
      file('small.json', JSON.stringify(makeIndex())),
      'https://www.gosh.nhs.uk/',
      'https://uclh.nhs.uk/',
    ]);
    expect(code).toBe(0);
    expect(jsonLines(stdout).map((l) => (l.match as { ods: string } | null)?.ods ?? null)).toEqual([null, 'RRV']);
  });
});

describe('nsl index validate', () => {
  it('exits 0 with a one-line summary for a valid index', () => {
    const { code, stdout, stderr } = nsl(['index', 'validate', 'assets/index.json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(jsonLines(stdout)).toEqual([expect.objectContaining({ valid: true, schemaVersion: 1, organisations: expect.any(Number) })]);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['text that is not JSON', 'not json', /at \$: is not valid JSON/],
    ['wrong types', JSON.stringify({ ...makeIndex(), indexVersion: 'one' }), /at \$\.indexVersion: .*number/i],
    ['an unknown schema version', JSON.stringify({ ...makeIndex(), schemaVersion: 9 }), /at \$\.schemaVersion: must be 1/],
    [
      'duplicate codes',
      JSON.stringify(makeIndex([makeIndex().organisations[0]!, makeIndex().organisations[0]!])),
      /at \$\.organisations\[1\]\.id: duplicate organisation id RRV/,
    ],
    [
      'a javascript: URL',
      JSON.stringify(
        makeIndex([
          {
            ...makeIndex().organisations[0]!,
            accounts: [
              {
                platform: 'x',
                handle: 'a',
                url: 'javascript:alert(1)',
                verification: 'official',
                state: 'active',
                source: 'test-source',
                checked: '2026',
              },
            ],
          },
        ]),
      ),
      /at \$\.organisations\[0\]\.accounts\[0\]\.url: must be an http\(s\) URL/,
    ],
  ])('exits 1 with one clear line for %s', (_label, text, message) => {
    const { code, stdout, stderr } = nsl(['index', 'validate', file('bad.json', text)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says plainly when the file does not exist', () => {
    const { code, stderr } = nsl(['index', 'validate', join(tmp, 'missing.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no such file/);
  });
});

describe('nsl usage errors', () => {
  it.each([[['bogus']], [['index', 'frobnicate']], [['lookup', '--nope', 'x']], [[]]])('exits 1 with one line for %j', (args) => {
    const { code, stderr } = nsl(args);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^nsl: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('nsl index stats', () => {
  it('prints the coverage of the bundled index as one JSON line', () => {
    const { code, stdout } = nsl(['index', 'stats']);
    expect(code).toBe(0);
    const [stats] = jsonLines(stdout);
    expect(stats).toMatchObject({
      indexVersion: expect.any(Number),
      byKind: { trust: 206, icb: 36, 'national-body': 27 },
      withDomain: { count: 241 },
      bytes: { raw: expect.any(Number), gzip: expect.any(Number) },
    });
    const bytes = stats?.bytes as { raw: number; gzip: number };
    expect(bytes.gzip).toBeLessThan(bytes.raw);
  });
});

describe('nsl lookup --html', () => {
  const page = file(
    'saved.html',
    `<!-- saved from url=(0026)https://www.uclh.nhs.uk/ -->
<html><body><footer><a href="https://twitter.com/UCLHFixture">X</a><a href="https://twitter.com/intent/tweet">share</a></footer></body></html>`,
  );

  it('reads the page address from the saved page and lists the profiles it links to', () => {
    const { code, stdout } = nsl(['lookup', '--html', page]);
    expect(code).toBe(0);
    const [line] = jsonLines(stdout);
    expect(line).toMatchObject({ url: 'https://www.uclh.nhs.uk/', match: { ods: 'RRV' } });
    expect(line?.pageProfiles).toEqual([
      { platform: 'x', handle: 'UCLHFixture', url: 'https://x.com/UCLHFixture', via: 'link', inIndex: false },
    ]);
  });

  it('reads the canonical link when the page does not say where it was saved from, attributes in any order', () => {
    const canonical = file(
      'canonical.html',
      '<html><head><link href="https://www.uclh.nhs.uk/" data-x="1" rel="Canonical"></head><body><a href="https://x.com/uclh">X</a></body></html>',
    );
    const { code, stdout } = nsl(['lookup', '--html', canonical]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)[0]).toMatchObject({ url: 'https://www.uclh.nhs.uk/', match: { ods: 'RRV' } });
  });

  it('refuses --html with several URLs', () => {
    const { code, stderr } = nsl(['lookup', '--html', page, 'https://a.nhs.uk/', 'https://b.nhs.uk/']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/one URL/);
  });
});

describe('nsl index keygen, publish and verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-publish-'));
  const keys = join(dir, 'keys');
  const out = join(dir, 'site');

  it('makes a key pair once, refusing to overwrite it', () => {
    expect(nsl(['index', 'keygen', '--out', keys]).code).toBe(0);
    const again = nsl(['index', 'keygen', '--out', keys]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: refusing to overwrite/);
  });

  it('publishes a signed copy that verifies, and refuses an invalid index or a version that is not newer', () => {
    expect(nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out, file('bad-index.json', '{}')]).stderr).toMatch(
      /refusing to publish an invalid index/,
    );
    expect(nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out]).code).toBe(0);
    const verified = nsl(['index', 'verify', out, '--pub', join(keys, 'index-signing.pub')]);
    expect(verified.code).toBe(0);
    expect(jsonLines(verified.stdout)[0]).toMatchObject({ valid: true, organisations: expect.any(Number) });
    const again = nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not newer than the published/);
  });

  it('names the first failed check in one line', () => {
    writeFileSync(join(out, 'index.json'), `${readFileSync(join(out, 'index.json'), 'utf8')} `);
    const tampered = nsl(['index', 'verify', out, '--pub', join(keys, 'index-signing.pub')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr.trim()).toMatch(/^nsl: .*failed check "size": it is \d+ bytes, not the \d+ announced$/);
    const otherKeys = join(dir, 'other');
    nsl(['index', 'keygen', '--out', otherKeys]);
    expect(nsl(['index', 'verify', out, '--pub', join(otherKeys, 'index-signing.pub')]).stderr).toMatch(/failed check "signature"/);
  });
});

describe('nsl index publish refuses a public key as the signing key (issue 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-publish-keys-'));
  const keys = join(dir, 'keys');
  const other = join(dir, 'other');
  beforeAll(() => {
    nsl(['index', 'keygen', '--out', keys]);
    nsl(['index', 'keygen', '--out', other]);
  });
  const publish = (key: string) => nsl(['index', 'publish', '--key', key, '--out', join(dir, 'site')]);
  const copy = (from: string, to: string) => {
    mkdirSync(join(to, '..'), { recursive: true });
    writeFileSync(to, readFileSync(from));
    return to;
  };

  it.each<[string, () => string, RegExp]>([
    ['the .pub file itself', () => join(keys, 'index-signing.pub'), /index-signing\.pub: is a public key \(\.pub\), not a signing key/],
    [
      'a public key copied into a .key file beside it',
      () => copy(join(keys, 'index-signing.pub'), join(keys, 'copied.key')),
      /copied\.key: is the public key in .*index-signing\.pub, not a signing key/,
    ],
    [
      'the project’s release public key, wherever it is copied',
      () => copy('assets/release-key.pub', join(dir, 'alone', 'release.key')),
      /release\.key: is the public key in .*assets\/release-key\.pub, not a signing key/,
    ],
    [
      'another pair’s private key beside this pair’s public key',
      () => {
        copy(join(keys, 'index-signing.pub'), join(dir, 'mixed', 'index-signing.pub'));
        return copy(join(other, 'index-signing.key'), join(dir, 'mixed', 'index-signing.key'));
      },
      /index-signing\.key: is not the private half of .*index-signing\.pub beside it/,
    ],
  ])('refuses %s in one line, publishing nothing', (_label, key, reason) => {
    const { code, stderr } = publish(key());
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^nsl: .*${reason.source}`))]);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  it('still publishes with the private key of the pair', () => {
    const { code } = nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', join(dir, 'site-ok')]);
    expect(code).toBe(0);
  });
});

describe('nsl index publish and verify refuse what the extension would refuse (issue 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-publish-17-'));
  const keys = join(dir, 'keys');
  const out = join(dir, 'site');
  const key = join(keys, 'index-signing.key');
  const pub = join(keys, 'index-signing.pub');
  const bundled = JSON.parse(readFileSync('assets/index.json', 'utf8')) as ReturnType<typeof makeIndex>;
  /** The bundled index one version on, keeping only its first `kept` organisations. */
  const nextRelease = (name: string, kept: number) =>
    file(name, JSON.stringify({ ...bundled, indexVersion: bundled.indexVersion + 1, organisations: bundled.organisations.slice(0, kept) }));
  const oneLine = (run: { code: number | null; stderr: string }, message: RegExp) => {
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  };

  it('sets up a published copy of the bundled index', () => {
    expect(nsl(['index', 'keygen', '--out', keys]).code).toBe(0);
    expect(nsl(['index', 'publish', '--key', key, '--out', out]).code).toBe(0);
  });

  it('refuses to publish a release that drops more than a fifth of the organisations published before, saying how many', () => {
    const total = bundled.organisations.length;
    const kept = Math.floor(total * 0.7);
    oneLine(
      nsl(['index', 'publish', '--key', key, '--out', out, nextRelease('shrunk.json', kept)]),
      new RegExp(
        `^nsl: .*refusing to publish over .*index\\.json: it would drop ${total - kept} of the ${total} installed organisations \\(more than a fifth\\)$`,
      ),
    );
  });

  it('verify --installed applies the same rule to a published copy', () => {
    const total = bundled.organisations.length;
    const kept = Math.floor(total * 0.7);
    const shrunk = join(dir, 'shrunk-site');
    expect(nsl(['index', 'publish', '--key', key, '--out', shrunk, nextRelease('shrunk-2.json', kept)]).code).toBe(0);
    expect(nsl(['index', 'verify', shrunk, '--pub', pub]).code).toBe(0);
    oneLine(
      nsl(['index', 'verify', shrunk, '--pub', pub, '--installed', 'assets/index.json']),
      new RegExp(
        `failed check "validation": it would drop ${total - kept} of the ${total} installed organisations \\(more than a fifth\\)$`,
      ),
    );
    oneLine(nsl(['index', 'verify', shrunk, '--pub', pub, '--installed', 'assets/index.json', '--installed-version', '1']), /not both/);
  });

  it.each([
    ['cut short', (manifest: string) => manifest.slice(0, 30), /failed check "manifest": the manifest is not JSON/],
    ['that is null', () => 'null', /failed check "manifest": the manifest is malformed at its top level/],
    [
      'with a version of 1.7e308',
      (manifest: string) => manifest.replace(/"indexVersion": \d+/, '"indexVersion": 1.7e308'),
      /malformed at indexVersion/,
    ],
  ])('verify exits 1 with one line for a manifest %s, and publish refuses to overwrite it', (label, spoil, message) => {
    const site = join(dir, `spoilt-${label.replace(/\W+/g, '-')}`);
    cpSync(out, site, { recursive: true });
    writeFileSync(join(site, 'manifest.json'), spoil(readFileSync(join(site, 'manifest.json'), 'utf8')));
    oneLine(nsl(['index', 'verify', site, '--pub', pub]), message);
    oneLine(
      nsl(['index', 'publish', '--key', key, '--out', site, nextRelease('next.json', bundled.organisations.length)]),
      /^nsl: .*manifest\.json: the manifest is (not JSON|malformed).*; fix or remove it before publishing over it$/,
    );
  });
});

describe('nsl corrections check and apply, then index build', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nsl-curated-'));
  const correction = (id: string, changes: Record<string, unknown> = {}) => ({
    id,
    kind: 'missing-account',
    organisationId: 'RR8',
    platform: 'x',
    handle: 'LTHTrust',
    accountUrl: 'https://x.com/LTHTrust',
    evidenceUrl: 'https://www.leedsth.nhs.uk/',
    note: '',
    createdAt: '2026-11-25T10:00:00.000Z',
    ...changes,
  });
  const exported = file(
    'corrections.json',
    JSON.stringify({
      format: 1,
      exportedAt: '2026-11-25T10:00:00.000Z',
      corrections: [
        correction('c-0000000001'),
        correction('c-0000000002'),
        correction('c-0000000003', { kind: 'account-closed', handle: 'NoSuchHandle', accountUrl: 'https://x.com/NoSuchHandle' }),
        correction('c-0000000004', { organisationId: 'ZZZ' }),
      ],
    }),
  );

  it('says what each correction would change, and refuses duplicates and conflicts with a reason', () => {
    const { code, stdout } = nsl(['corrections', 'check', exported, '--data', dataDir]);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      { id: 'c-0000000001', status: 'apply', change: 'RR8: add x LTHTrust as official' },
      { id: 'c-0000000002', status: 'refused', reason: 'a correction with the same effect is already curated' },
      { id: 'c-0000000003', status: 'refused', reason: 'the index has no such account for this organisation' },
      { id: 'c-0000000004', status: 'refused', reason: 'no organisation ZZZ in the index' },
    ]);
  });

  it('applies the accepted ones to the curated data, and the next build carries them with who and when', () => {
    expect(nsl(['corrections', 'apply', exported, '--data', dataDir]).stderr).toMatch(/--reviewer NAME is required/);
    expect(nsl(['corrections', 'apply', exported, '--data', dataDir, '--reviewer', 'maintainer', '--date', '2026-11-26']).code).toBe(0);
    const out = join(dataDir, 'index.json');
    expect(nsl(['index', 'build', '--collected', dataDir, '--out', out]).code).toBe(0);
    const leeds = (
      JSON.parse(readFileSync(out, 'utf8')) as { organisations: { id: string; accounts: Record<string, string>[] }[] }
    ).organisations.find((o) => o.id === 'RR8');
    expect(leeds?.accounts.find((a) => a.platform === 'x')).toMatchObject({
      url: 'https://x.com/LTHTrust',
      verification: 'official',
      source: 'volunteer-corrections',
      checked: '2026-11-26',
      note: 'volunteer correction, reviewed 2026-11-26 by maintainer; evidence https://www.leedsth.nhs.uk/',
    });
    expect(jsonLines(nsl(['corrections', 'check', exported, '--data', dataDir]).stdout)[0]).toMatchObject({
      status: 'refused',
      reason: 'already applied (same id)',
    });
  });

  it('refuses a file that is not a corrections file, in one line', () => {
    const { code, stderr } = nsl(['corrections', 'check', file('not-corrections.json', '{"format": 9}')]);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^nsl: .*not a corrections file/);
  });

  // Issue 17: nothing that comes in is trusted, whether a volunteer's file, a flag or the curated data.
  const fileOf = (name: string, ...corrections: Record<string, unknown>[]) =>
    file(name, JSON.stringify({ format: 1, exportedAt: '2026-11-25T10:00:00.000Z', corrections }));
  const oneLine = (stderr: string) => stderr.trim().split('\n');

  it('refuses an account address that names another account than the handle, before anything is curated', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'nsl-curated-'));
    const other = fileOf(
      'other-account.json',
      correction('c-0000000020', { organisationId: 'RJ1', handle: 'GSTTnhs', accountUrl: 'https://x.com/SomeoneElse' }),
    );
    for (const args of [['check'], ['apply', '--reviewer', 'maintainer']]) {
      const { code, stderr } = nsl(['corrections', ...args, other, '--data', fresh]);
      expect(code).toBe(1);
      expect(oneLine(stderr)).toEqual([
        expect.stringMatching(
          /^nsl: .*corrections\.0\.accountUrl: names another account than the handle \(expected https:\/\/x\.com\/GSTTnhs\)/,
        ),
      ]);
    }
    expect(existsSync(join(fresh, 'curated/corrections.jsonl'))).toBe(false);
  });

  it('writes exactly what check accepted: an id seen twice across files is refused, not written twice', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'nsl-curated-'));
    const first = fileOf('first.json', correction('c-0000000030', { handle: 'LeedsOne', accountUrl: 'https://x.com/LeedsOne' }));
    const second = fileOf('second.json', correction('c-0000000030', { handle: 'LeedsTwo', accountUrl: 'https://x.com/LeedsTwo' }));
    const checked = jsonLines(nsl(['corrections', 'check', first, second, '--data', fresh]).stdout);
    expect(checked).toEqual([
      { id: 'c-0000000030', status: 'apply', change: 'RR8: add x LeedsOne as official' },
      { id: 'c-0000000030', status: 'refused', reason: 'the same id appears earlier in the files' },
    ]);
    const applied = nsl(['corrections', 'apply', first, second, '--data', fresh, '--reviewer', 'maintainer', '--date', '2026-11-26']);
    expect(jsonLines(applied.stdout)).toEqual(checked);
    const written = readFileSync(join(fresh, 'curated/corrections.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(written).toEqual([
      {
        ...correction('c-0000000030', { handle: 'LeedsOne', accountUrl: 'https://x.com/LeedsOne' }),
        reviewedAt: '2026-11-26',
        reviewer: 'maintainer',
      },
    ]);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '2026-11-26T00:00:00Z'])('refuses --date %s in one line, writing nothing', (date) => {
    const fresh = mkdtempSync(join(tmpdir(), 'nsl-curated-'));
    const { code, stderr } = nsl(['corrections', 'apply', exported, '--data', fresh, '--reviewer', 'maintainer', '--date', date]);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toEqual([`nsl: --date must be a real day written like 2026-11-26, not "${date}"`]);
    expect(existsSync(join(fresh, 'curated/corrections.jsonl'))).toBe(false);
  });

  it('refuses curated data edited by hand to name another account, in check and in the index build', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'nsl-curated-'));
    mkdirSync(join(fresh, 'curated'));
    const line = {
      ...correction('c-0000000040', { organisationId: 'RJ1', handle: 'GSTTnhs', accountUrl: 'https://x.com/SomeoneElse' }),
      reviewedAt: '2026-11-26',
      reviewer: 'maintainer',
    };
    writeFileSync(join(fresh, 'curated/corrections.jsonl'), `${JSON.stringify(line)}\n`);
    const checked = nsl(['corrections', 'check', exported, '--data', fresh]);
    expect(checked.code).toBe(1);
    expect(oneLine(checked.stderr)).toEqual([
      expect.stringMatching(/^nsl: .*corrections\.jsonl: line 1: accountUrl: names another account/),
    ]);
    const built = nsl(['index', 'build', '--collected', fresh, '--out', join(fresh, 'index.json')]);
    expect(built.code).toBe(1);
    expect(oneLine(built.stderr)).toEqual([expect.stringMatching(/^nsl: .*corrections\.jsonl: line 1: accountUrl: names another account/)]);
    expect(existsSync(join(fresh, 'index.json'))).toBe(false);
  });
});

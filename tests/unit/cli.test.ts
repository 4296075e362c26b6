import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});

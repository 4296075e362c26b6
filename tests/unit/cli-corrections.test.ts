import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, nsl, tempFileWriter } from '../support/nsl-cli';

const file = tempFileWriter();

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
    // Its own curated folder: the tests run in any order (issue 26), and the check above expects none applied.
    const dataDir = mkdtempSync(join(tmpdir(), 'nsl-curated-'));
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

import { describe, expect, it } from 'vitest';
import { MAX_INDEX_VERSION, type Organisation } from '../../lib/index/schema';
import { parseAndValidateIndex, validateIndex } from '../../lib/index/validate';
import { loadBundledIndex } from '../support/bundled-index';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';

type Mutation = (index: Record<string, unknown> & ReturnType<typeof makeIndex>) => void;
const firstOrg = (index: ReturnType<typeof makeIndex>) => index.organisations[0] as unknown as Record<string, unknown>;

/** Applies `mutate` to a valid index and returns the first problem the validator names. */
function firstProblem(mutate: Mutation) {
  const index = structuredClone(
    makeIndex([
      makeOrganisation({
        accounts: [makeAccount()],
      }),
    ]),
  );
  mutate(index as Parameters<Mutation>[0]);
  const result = validateIndex(index);
  if (result.ok) throw new Error('expected the index to be refused');
  return result.problems[0];
}

describe('validateIndex', () => {
  it('accepts a valid index', () => {
    expect(validateIndex(makeIndex()).ok).toBe(true);
  });

  it('accepts the bundled index (the copy the extension ships)', () => {
    expect(loadBundledIndex().organisations.length).toBeGreaterThan(200);
  });

  it.each<[string, Mutation, string, RegExp]>([
    ['an unknown schema version', (i) => Object.assign(i, { schemaVersion: 2 }), '$.schemaVersion', /must be 1/],
    ['a fractional index version', (i) => Object.assign(i, { indexVersion: 1.5 }), '$.indexVersion', /whole number/],
    // issue 17: nothing can be newer than 1.7e308 (a whole number to JavaScript), so it would freeze updates for ever.
    ['an index version of 1.7e308', (i) => Object.assign(i, { indexVersion: 1.7e308 }), '$.indexVersion', /at most 1000000000/],
    ['an index version past the exact integers', (i) => Object.assign(i, { indexVersion: 2 ** 53 + 2 }), '$.indexVersion', /at most/],
    ['an index version one over the bound', (i) => Object.assign(i, { indexVersion: MAX_INDEX_VERSION + 1 }), '$.indexVersion', /at most/],
    ['no organisations', (i) => Object.assign(i, { organisations: [] }), '$.organisations', /at least one organisation/],
    ['a generation time that is not a timestamp', (i) => Object.assign(i, { generatedAt: 'yesterday' }), '$.generatedAt', /ISO timestamp/],
    ['no sources', (i) => Object.assign(i, { sources: [] }), '$.sources', /at least one source/],
    ['organisations that are not a list', (i) => Object.assign(i, { organisations: {} }), '$.organisations', /Array/i],
    ['a name of the wrong type', (i) => Object.assign(firstOrg(i), { name: 42 }), '$.organisations[0].name', /string/i],
    ['an empty name', (i) => Object.assign(firstOrg(i), { name: '  ' }), '$.organisations[0].name', /empty/],
    ['a malformed ODS code', (i) => Object.assign(firstOrg(i), { id: 'rj1 ' }), '$.organisations[0].id', /ODS code/],
    ['an unknown kind', (i) => Object.assign(firstOrg(i), { kind: 'hospital' }), '$.organisations[0].kind', /kind/],
    [
      'a host with a scheme',
      (i) => Object.assign(firstOrg(i), { domains: [{ host: 'https://uclh.nhs.uk', source: 'test-source', checked: '2026-08-01' }] }),
      '$.organisations[0].domains[0].host',
      /host name/,
    ],
    [
      'an upper-case host',
      (i) => Object.assign(firstOrg(i), { domains: [{ host: 'UCLH.nhs.uk', source: 'test-source', checked: '2026-08-01' }] }),
      '$.organisations[0].domains[0].host',
      /lower-case/,
    ],
    [
      'a Unicode look-alike host',
      (i) => Object.assign(firstOrg(i), { domains: [{ host: 'uclh.nhѕ.uk', source: 'test-source', checked: '2026-08-01' }] }),
      '$.organisations[0].domains[0].host',
      /host name/,
    ],
    [
      'an umbrella host',
      (i) => Object.assign(firstOrg(i), { domains: [{ host: 'nhs.uk', source: 'test-source', checked: '2026-08-01' }] }),
      '$.organisations[0].domains[0].host',
      /shared by many/,
    ],
    ...(
      [
        ['github.io', /public suffix/],
        ['gov.uk', /public suffix/],
        ['www.gov.uk', /general platform/],
        ['google.com', /general platform/],
        ['sites.google.com', /general platform/],
        ['nhs.uk', /public suffix/],
        ['co.uk', /public suffix/],
        ['x.com', /general platform/],
        ['nhs.net', /NHS zone/],
        ['10.0.0.1', /host name/],
      ] as const
    ).flatMap(([host, message]): [string, Mutation, string, RegExp][] => [
      [
        `the shared domain ${host}`,
        (i) => Object.assign(firstOrg(i), { domains: [{ host, source: 'test-source', checked: '2026-08-01' }] }),
        '$.organisations[0].domains[0].host',
        message,
      ],
      [
        `the shared predecessor domain ${host}`,
        (i) =>
          Object.assign(firstOrg(i), {
            predecessors: [{ id: 'RP6', domains: [{ host, source: 'test-source', checked: '2026-08-01' }], source: 'test-source' }],
          }),
        '$.organisations[0].predecessors[0].domains[0].host',
        message,
      ],
    ]),
    [
      'a bad date',
      (i) => Object.assign(firstOrg(i), { domains: [{ host: 'uclh.nhs.uk', source: 'test-source', checked: '2026-13-01' }] }),
      '$.organisations[0].domains[0].checked',
      /date/,
    ],
    [
      'a javascript: account URL',
      (i) =>
        Object.assign(firstOrg(i), {
          accounts: [makeAccount({ handle: 'x', url: 'javascript:alert(1)', checked: '2026' })],
        }),
      '$.organisations[0].accounts[0].url',
      /http\(s\) URL/,
    ],
    [
      'an account URL on another platform',
      (i) =>
        Object.assign(firstOrg(i), {
          accounts: [makeAccount({ url: 'https://www.facebook.com/uclh', checked: '2026' })],
        }),
      '$.organisations[0].accounts[0].url',
      /facebook URL, not x/,
    ],
    [
      'a non-canonical account URL',
      (i) =>
        Object.assign(firstOrg(i), {
          accounts: [makeAccount({ url: 'https://twitter.com/uclh', checked: '2026' })],
        }),
      '$.organisations[0].accounts[0].url',
      /canonical/,
    ],
    [
      'an unknown platform',
      (i) =>
        Object.assign(firstOrg(i), {
          accounts: [{ ...makeAccount({ handle: 'u', url: 'https://myspace.com/u', checked: '2026' }), platform: 'myspace' }],
        }),
      '$.organisations[0].accounts[0].platform',
      /platform/,
    ],
    [
      'a homepage with credentials',
      (i) => Object.assign(firstOrg(i), { homepage: 'https://www.gov.uk@evil.example/' }),
      '$.organisations[0].homepage',
      /http\(s\) URL/,
    ],
    ['a source that is not listed', (i) => Object.assign(firstOrg(i), { source: 'nowhere' }), '$.organisations[0].source', /not listed/],
    [
      'duplicate organisation ids',
      (i) => i.organisations.push(structuredClone(i.organisations[0]!)),
      '$.organisations[1].id',
      /duplicate organisation id RRV/,
    ],
    [
      'a duplicate domain',
      (i) => firstOrg(i).domains && i.organisations[0]!.domains.push({ ...i.organisations[0]!.domains[0]! }),
      '$.organisations[0].domains[1].host',
      /duplicate domain/,
    ],
    ['a duplicate source id', (i) => i.sources.push({ ...i.sources[0]! }), '$.sources[1].id', /duplicate source/],
  ])('refuses %s, naming where', (_label, mutate, path, message) => {
    const problem = firstProblem(mutate);
    expect(problem?.path).toBe(path);
    expect(problem?.message).toMatch(message);
  });

  it('accepts the highest index version allowed', () => {
    expect(validateIndex(makeIndex(undefined, { indexVersion: MAX_INDEX_VERSION })).ok).toBe(true);
  });

  it('accepts a GOV.UK organisation page as a homepage (by path), but never www.gov.uk as a domain', () => {
    const homepage = 'https://www.gov.uk/government/organisations/nhs-england';
    expect(validateIndex(makeIndex([makeOrganisation({ id: 'govuk:nhs-england', domains: [], homepage })])).ok).toBe(true);
    const claimed = validateIndex(
      makeIndex([makeOrganisation({ homepage, domains: [{ host: 'www.gov.uk', source: 'test-source', checked: '2026-08-01' }] })]),
    );
    expect(claimed.ok).toBe(false);
    if (!claimed.ok)
      expect(claimed.problems).toEqual([
        { path: '$.organisations[0].domains[0].host', message: expect.stringMatching(/general platform/) },
      ]);
  });

  it('refuses an infinite figure (1e400 in JSON), which would read back as null', () => {
    const text = JSON.stringify(
      makeIndex([
        makeOrganisation({
          accounts: [makeAccount({ metrics: { measuredAt: '2026-08-01', source: 'test-source', engagementPerPost30d: 7 } })],
        }),
      ]),
    ).replace('"engagementPerPost30d":7', '"engagementPerPost30d":1e400');
    const result = parseAndValidateIndex(text);
    expect(!result.ok && result.problems[0]).toEqual({
      path: '$.organisations[0].accounts[0].metrics.engagementPerPost30d',
      message: 'must be a finite number',
    });
  });

  it('reads a figure of -0 as 0, so an accepted index reads back unchanged', () => {
    const metrics = { measuredAt: '2026-08-01', source: 'test-source', followers: -0, replyShare30d: -0, engagementPerPost30d: -0 };
    const result = validateIndex(
      makeIndex([makeOrganisation({ accounts: [makeAccount({ metrics, history: [{ month: '2026-07', followers: -0 }] })] })]),
    );
    const account = result.ok ? result.index.organisations[0]?.accounts[0] : undefined;
    expect(Object.values(account?.metrics ?? {}).filter((value) => Object.is(value, -0))).toEqual([]);
    expect(Object.is(account?.history?.[0]?.followers, 0)).toBe(true);
  });

  it('ignores fields it does not know, so later additions stay readable by version 1', () => {
    const index = { ...makeIndex(), futureField: 1, organisations: [{ ...makeOrganisation(), metrics: { followers: 1 } }] };
    expect(validateIndex(index).ok).toBe(true);
  });
});

describe('validateIndex replacing an installed index (issue 17)', () => {
  const orgs = (count: number, first = 0): Organisation[] =>
    Array.from({ length: count }, (_, i) => makeOrganisation({ id: `R${String(first + i).padStart(3, '0')}`, domains: [] }));
  const ids = (organisations: Organisation[]) => organisations.map((o) => o.id);
  const installed = orgs(269);

  it('refuses a copy that would drop more than a fifth of the installed organisations, saying how many', () => {
    const result = validateIndex(makeIndex(installed.slice(80)), { installedIds: ids(installed) });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '$.organisations', message: 'it would drop 80 of the 269 installed organisations (more than a fifth)' }],
    });
  });

  it('refuses one that keeps only new organisations', () => {
    const result = validateIndex(makeIndex(orgs(300, 500)), { installedIds: ids(installed) });
    expect(!result.ok && result.problems[0]?.message).toBe('it would drop 269 of the 269 installed organisations (more than a fifth)');
  });

  it('accepts a copy that drops a fifth or fewer, or adds organisations', () => {
    const fifth = orgs(100);
    expect(validateIndex(makeIndex(fifth.slice(20)), { installedIds: ids(fifth) }).ok).toBe(true);
    expect(validateIndex(makeIndex(fifth.slice(21)), { installedIds: ids(fifth) }).ok).toBe(false);
    expect(validateIndex(makeIndex(orgs(300)), { installedIds: ids(installed) }).ok).toBe(true);
    expect(validateIndex(makeIndex(orgs(1)), { installedIds: [] }).ok).toBe(true);
  });

  it('does not count an organisation that became a predecessor (a merger) as dropped', () => {
    const [successor, ...merged] = orgs(10);
    const index = makeIndex([{ ...successor!, predecessors: merged.map((o) => ({ id: o.id, domains: [], source: 'test-source' })) }]);
    expect(validateIndex(index, { installedIds: ids(orgs(10)) }).ok).toBe(true);
  });

  it('without an installed index, checks the copy alone', () => {
    expect(validateIndex(makeIndex(orgs(1))).ok).toBe(true);
  });
});

describe('parseAndValidateIndex', () => {
  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['{"schemaVersion": 1,', /not valid JSON/],
    ['[]', /JSON object.*not a list/],
    ['null', /JSON object/],
    ['42', /JSON object/],
  ])('refuses %j at $', (text, message) => {
    const result = parseAndValidateIndex(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.path).toBe('$');
      expect(result.problems[0]?.message).toMatch(message);
    }
  });
});

describe('a Mastodon account on an NHS host (issue 26)', () => {
  const withMastodon = (url: string) =>
    makeIndex([
      makeOrganisation({
        domains: [
          { host: 'uclh.nhs.uk', source: 'test-source', checked: '2026-08-01' },
          { host: 'example-trust.org.uk', source: 'test-source', checked: '2026-08-01' },
        ],
        accounts: [makeAccount({ platform: 'mastodon', handle: `@uclh@${new URL(url).hostname}`, url })],
      }),
    ]);

  it.each([
    'https://social.example-trust.org.uk/@uclh',
    'https://example-trust.org.uk/@uclh',
    'https://social.uclh.nhs.uk/@uclh',
    'https://mastodon.nhs.net/@uclh',
  ])('refuses the whole index for %s', (url) => {
    const result = validateIndex(withMastodon(url));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('$.organisations[0].accounts[0].url');
  });

  it('accepts one on a platform’s own host', () => {
    expect(validateIndex(withMastodon('https://mastodon.example/@uclh')).ok).toBe(true);
  });
});

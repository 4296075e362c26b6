/**
 * Property tests for the index validator (issue 17, "Trust nothing that comes in"): whatever a
 * published copy holds, the validator answers with problems rather than throwing, and what it
 * accepts is stable, so the index the extension installs validates again when read back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NhsIndex } from '../../lib/index/schema';
import { parseAndValidateIndex, type ValidationResult, validateIndex } from '../../lib/index/validate';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';

const RUNS = { numRuns: 300 };

/** A valid index that uses every part of the format, so mutations reach every schema rule. */
const BASE: NhsIndex = makeIndex([
  makeOrganisation({
    trustType: 'acute',
    domains: [
      { host: 'uclh.nhs.uk', source: 'test-source', checked: '2026-08-01' },
      { host: 'uclh-charity.org.uk', source: 'test-source', checked: '2026-08', note: 'the charity' },
    ],
    predecessors: [
      {
        id: 'RP6',
        name: 'Moorfields',
        until: '2025',
        domains: [{ host: 'old.example.org.uk', source: 'test-source', checked: '2026' }],
        source: 'test-source',
      },
    ],
    accounts: [
      makeAccount({
        metrics: {
          measuredAt: '2026-08-01',
          source: 'test-source',
          followers: 1200,
          postsTotal: 40,
          posts30d: 6,
          replyShare30d: 0.5,
          engagementPerPost30d: 2.5,
          lastPostAt: '2026-07-30',
        },
        history: [{ month: '2026-07', followers: 1100 }],
      }),
      makeAccount({ platform: 'facebook', handle: 'uclh', url: 'https://www.facebook.com/uclh', state: 'dormant', note: 'quiet' }),
    ],
    platformChecks: [{ platform: 'tiktok', result: 'no-account', source: 'test-source', checked: '2026-08-01' }],
  }),
  makeOrganisation({
    id: 'govuk:nhs-england',
    name: 'NHS England',
    kind: 'national-body',
    region: 'national',
    domains: [{ host: 'england.nhs.uk', source: 'test-source', checked: '2026-08-01' }],
    homepage: 'https://www.gov.uk/government/organisations/nhs-england',
  }),
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/**
 * Paths to the values inside `value` (not the root itself), down to the depth of the index's own
 * fields: a value nested thousands deep by an earlier mutation is mutated as a whole.
 */
function pathsOf(value: unknown): Path[] {
  const paths: Path[] = [];
  const queue: [unknown, Path][] = [[value, []]];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [node, prefix] = next;
    if (typeof node !== 'object' || node === null || prefix.length >= 8) continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      paths.push([...prefix, key]);
      queue.push([child, [...prefix, key]]);
    }
  }
  return paths;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | unknown[] {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node as Record<string | number, unknown>;
}

/** Numbers and strings that have broken validators: huge, non-finite, negative zero, look-alikes, shared hosts. */
const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    1e308,
    1.7e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e9,
    1e9 + 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    0.5,
    '',
    ' ',
    '\u0000',
    'NaN',
    '1e308',
    '__proto__',
    'constructor',
    'github.io',
    'www.gov.uk',
    'sites.google.com',
    'nhs.uk',
    'x.com',
    '10.0.0.1',
    'uclh.nhѕ.uk',
    'javascript:alert(1)',
    'https://evil.example@uclh.nhs.uk/',
    null,
    undefined,
    true,
    [],
    {},
  ),
  fc.domain(),
  fc.webUrl(),
  fc.stringMatching(/^[A-Z0-9]{3,6}$/),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789.-_:/@ '), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Numbers for the index's numeric fields: past the bounds, not finite, not whole, negative zero. */
const nastyNumber = fc.oneof(
  fc.constantFrom(
    1e308,
    1.7e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    1e9 + 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    1.5,
  ),
  fc.double(),
  fc.integer(),
);

/** A value wrapped hundreds deep: far past anything real, within what structuredClone copies. */
const deeplyNested = (value: unknown, depth: number, asObject: boolean): unknown => {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = asObject ? { organisations: nested } : [nested];
  return nested;
};

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'duplicate', 'nest', 'number'),
  value: nasty,
  number: nastyNumber,
  depth: fc.integer({ min: 1, max: 400 }),
  asObject: fc.boolean(),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(index: unknown, { pick, op, value, number, depth, asObject }: Mutation): void {
  const all = pathsOf(index);
  // "number" aims at the numeric fields (versions, counts, shares), which random paths rarely hit.
  const numeric = all.filter((p) => typeof parentOf(index, p)[p[p.length - 1] as string & number] === 'number');
  const paths = op === 'number' && numeric.length > 0 ? numeric : all;
  const path = paths[pick % paths.length];
  if (path === undefined) return;
  const parent = parentOf(index, path);
  const key = path[path.length - 1] as string & number;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
  } else if (op === 'replace') {
    parent[key] = structuredClone(value);
  } else if (op === 'number') {
    parent[key] = number;
  } else if (op === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(key, 0, structuredClone(parent[key]));
    else {
      const siblings = Object.keys(parent);
      parent[key] = structuredClone(parent[siblings[pick % siblings.length] ?? key]);
    }
  } else {
    parent[key] = deeplyNested(parent[key], depth, asObject);
  }
}

const mutatedIndex = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => {
  const index = structuredClone(BASE) as unknown;
  for (const m of mutations) mutate(index, m);
  return index;
});

/** Ids an installed index might hold: the base's, plausible codes and junk. */
const installedIds = fc.array(
  fc.oneof(fc.constantFrom('RRV', 'govuk:nhs-england', 'RP6'), fc.stringMatching(/^[A-Z0-9]{3,6}$/), fc.string()),
  {
    maxLength: 20,
  },
);

/** Accepted results validate again, unchanged, once written as JSON and read back (as the extension stores them). */
function expectStable(result: ValidationResult): void {
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.path).toMatch(/^\$/);
      expect(problem.message).toMatch(/\S/);
    }
    return;
  }
  const again = validateIndex(JSON.parse(JSON.stringify(result.index)) as Json);
  expect(again).toEqual({ ok: true, index: result.index });
}

describe('validateIndex, property-based', () => {
  it('the base index is valid (so the mutations start from an accepted index)', () => {
    expect(validateIndex(BASE)).toEqual({ ok: true, index: BASE });
  });

  it('answers any JSON value without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (data) => {
        expectStable(validateIndex(data));
      }),
      RUNS,
    );
  });

  it('answers any JavaScript value without throwing (NaN, -0, undefined, sparse arrays, null prototypes…)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 4,
          withBoxedValues: true,
          withNullPrototype: true,
          withSparseArray: true,
          withObjectString: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
        }),
        (data) => {
          expect(() => validateIndex(data)).not.toThrow();
        },
      ),
      RUNS,
    );
  });

  it('answers a mutated valid index without throwing, and what it accepts re-validates to the same index', () => {
    fc.assert(
      fc.property(mutatedIndex, (index) => {
        expectStable(validateIndex(index));
      }),
      RUNS,
    );
  });

  it('answers a mutated index compared with an installed one without throwing', () => {
    fc.assert(
      fc.property(mutatedIndex, installedIds, (index, ids) => {
        const result = validateIndex(index, { installedIds: ids });
        expectStable(result);
        // A copy accepted against an installed index is accepted on its own too.
        if (result.ok) expect(validateIndex(index).ok).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('parseAndValidateIndex, property-based', () => {
  it('answers any text, a mutated index as JSON, or that JSON cut short, without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.json({ maxDepth: 6 }),
          fc.tuple(mutatedIndex, fc.nat()).map(([index, cut]) => {
            const text = JSON.stringify(index) ?? '';
            return cut % 3 === 0 ? text : text.slice(0, cut % (text.length + 1));
          }),
          fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
        ),
        (text) => {
          expectStable(parseAndValidateIndex(text));
        },
      ),
      RUNS,
    );
  });

  it('accepts text written from an accepted index, giving the same index', () => {
    fc.assert(
      fc.property(mutatedIndex, (index) => {
        const result = validateIndex(index);
        if (result.ok) expect(parseAndValidateIndex(JSON.stringify(result.index))).toEqual(result);
      }),
      RUNS,
    );
  });
});

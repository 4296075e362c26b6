/**
 * Property tests for the ways a correction comes in (issue 17): random and mutated files never crash
 * the parser or the form's check, and whatever either accepts is accepted again, unchanged, when it
 * is written back to a file and read once more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CORRECTION_KINDS,
  type Correction,
  type CorrectionDraft,
  exportCorrections,
  parseCorrectionsFile,
  validateDraft,
} from '../../lib/corrections/correction';
import { MAX_ISSUE_URL_LENGTH, prefilledIssueUrl } from '../../lib/corrections/issue-link';
import { PLATFORMS, type Platform } from '../../lib/social/platforms';

const NOW = new Date('2026-11-25T10:00:00Z');
const RUNS = { numRuns: 300 };

/** Text that tends to find trouble: line breaks, fences, control and direction characters, look-alikes. */
const tricky = fc.constantFrom(
  '',
  ' ',
  '\n',
  '\r\n',
  '\u0000',
  '\u2028',
  '\u202e',
  '```',
  '```json',
  '~~~',
  '\\',
  '@',
  '/',
  '?',
  '#',
  '%',
  '%0A',
  'é',
  '😀',
  'а',
  'javascript:',
  'https://',
  'x.com/',
  'profile.php?id=',
);
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.array(fc.oneof(tricky, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join('').slice(0, maxLength)),
  );

/** Handles and addresses a volunteer might type, good and bad, on any platform. */
const handle = fc.oneof(
  fc.stringMatching(/^@?[A-Za-z0-9_]{1,16}$/),
  fc.constantFrom(
    'https://x.com/LTHTrust',
    'https://twitter.com/intent/tweet',
    'https://www.facebook.com/profile.php?id=123456789',
    'https://www.facebook.com/pages/Leeds/123456789',
    'https://www.youtube.com/@leedsth',
    'https://www.youtube.com/channel/UC0123456789abcdefghijkl',
    'https://www.youtube.com/leedsth',
    'https://www.linkedin.com/company/leeds-th',
    'https://www.linkedin.com/company/a%2541',
    'https://uk.linkedin.com/company/leeds-th',
    'https://www.linkedin.com/in/someone',
    'https://mastodon.nhs.uk/@leedsth',
    'https://www.flickr.com/photos/leedsth',
    'https://bsky.app/profile/leedsth.bsky.social',
    'https://www.threads.com/@leedsth',
    'https://www.tiktok.com/@leedsth',
    'https://instagrаm.com/leeds',
    'https://x.com/LTH\nTrust',
  ),
  text(40),
);
const address = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  text(60),
  tricky.map((t) => `https://www.leedsth.nhs.uk/${t}`),
);
const day = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', '2025-02-29', '2024-02-29', 'yesterday', ''),
);

const draftArbitrary: fc.Arbitrary<CorrectionDraft> = fc.record({
  kind: fc.constantFrom(...CORRECTION_KINDS),
  organisationId: fc.oneof(fc.constantFrom('RR8', 'RJ1', 'govuk:nhs-england', ' RR8 ', 'rr8'), text(10)),
  platform: fc.constantFrom('' as const, ...PLATFORMS),
  handle,
  domain: fc.oneof(fc.domain(), fc.constantFrom('nhs.uk', 'www.leedsth.nhs.uk', 'LEEDSTH.NHS.UK', 'icb.nhs.uk', 'github.io'), text(30)),
  evidenceUrl: address,
  note: text(1100),
  followers: fc.oneof(fc.nat().map(String), text(8)),
  observedOn: day,
  followersApproximate: fc.boolean(),
});

/** Handles shaped as each platform writes them, bare or as addresses, so account corrections are often accepted. */
const HANDLES: Record<Platform, fc.Arbitrary<string>> = {
  x: fc.stringMatching(/^@?[A-Za-z0-9_]{1,15}$/),
  facebook: fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9.-]{2,50}$/),
    fc.stringMatching(/^https:\/\/www\.facebook\.com\/profile\.php\?id=\d{5,20}$/),
  ),
  instagram: fc.stringMatching(/^[A-Za-z0-9._]{1,30}$/),
  youtube: fc.stringMatching(
    /^https:\/\/(www\.|m\.)?youtube\.com\/(@[A-Za-z0-9._-]{3,30}|channel\/UC[A-Za-z0-9_-]{22}|c\/[A-Za-z0-9._-]{1,60})$/,
  ),
  linkedin: fc.stringMatching(/^https:\/\/(www\.|uk\.)?linkedin\.com\/(company|school|showcase)\/[A-Za-z0-9_%.-]{2,60}$/),
  tiktok: fc.stringMatching(/^@?[A-Za-z0-9._]{2,24}$/),
  bluesky: fc.stringMatching(/^[a-z0-9]{1,20}\.bsky\.social$/),
  threads: fc.stringMatching(/^@?[A-Za-z0-9._]{1,30}$/),
  mastodon: fc.stringMatching(/^https:\/\/[a-z]{1,10}\.social\/@[A-Za-z0-9_]{1,30}$/),
  flickr: fc.stringMatching(/^https:\/\/www\.flickr\.com\/photos\/[A-Za-z0-9@._-]{2,60}$/),
};
const plausibleDraft: fc.Arbitrary<CorrectionDraft> = fc.constantFrom(...PLATFORMS).chain((platform) =>
  fc.record({
    kind: fc.constantFrom(...CORRECTION_KINDS),
    organisationId: fc.constantFrom('RR8', 'RJ1', 'govuk:nhs-england'),
    platform: fc.constant(platform),
    handle: HANDLES[platform],
    domain: fc.oneof(fc.domain(), fc.constantFrom('leedsth.nhs.uk', 'www.leedsth.nhs.uk', 'nhs.uk')),
    evidenceUrl: fc.webUrl({ withQueryParameters: true, withFragments: true }),
    note: text(1000),
    followers: fc.nat(1e9).map(String),
    observedOn: fc.date({ min: new Date('2020-01-01'), max: NOW, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    followersApproximate: fc.boolean(),
  }),
);

/** A correction the form accepted, from plausible drafts and random ones. */
const acceptedCorrection: fc.Arbitrary<Correction> = fc
  .oneof(plausibleDraft, draftArbitrary)
  .map((d) => validateDraft(d, 'c-0000000001', NOW))
  .filter((r): r is { ok: true; correction: Correction } => r.ok)
  .map((r) => r.correction);

/** Reads a file, writes what was accepted back, and reads it again: the two readings must agree. */
function revalidates(text: string): boolean {
  const first = parseCorrectionsFile(text);
  if (!first.ok) return typeof first.reason === 'string' && first.reason.length > 0 && !first.reason.includes('\n');
  const again = parseCorrectionsFile(JSON.stringify(first.file));
  expect(again).toEqual(first);
  return true;
}

describe('parseCorrectionsFile on random and mutated input', () => {
  it('never throws on any text or any JSON, and gives a one-line reason when it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (input) => revalidates(input)),
      RUNS,
    );
  });

  it('never throws on a valid file with one field changed, removed or a correction repeated, and what it accepts re-validates', () => {
    const field = fc.constantFrom(
      'id',
      'kind',
      'organisationId',
      'platform',
      'handle',
      'accountUrl',
      'domain',
      'observed',
      'evidenceUrl',
      'note',
      'createdAt',
      '__proto__',
    );
    const value = fc.oneof(fc.anything(), fc.jsonValue(), handle, address, day, fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.array(acceptedCorrection, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), field, value), { maxLength: 3 }),
        fc.boolean(),
        (corrections, mutations, repeat) => {
          const records = corrections.map((c, i) => ({ ...c, id: `c-000000000${i}` }) as Record<string, unknown>);
          for (const [at, key, changed] of mutations) {
            const record = records[at % records.length];
            if (record) record[key] = changed;
          }
          if (repeat && records[0]) records.push({ ...records[0] });
          return revalidates(JSON.stringify(exportCorrections(records as Correction[], NOW)));
        },
      ),
      RUNS,
    );
  });
});

describe('validateDraft on random drafts', () => {
  it('never throws, and what it accepts is a correction the file format accepts unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(plausibleDraft, draftArbitrary), (d) => {
        const result = validateDraft(d, 'c-0000000001', NOW);
        if (!result.ok) return Object.values(result.errors).every((message) => typeof message === 'string' && message !== '');
        const parsed = parseCorrectionsFile(JSON.stringify(exportCorrections([result.correction], NOW)));
        expect(parsed).toEqual({ ok: true, file: exportCorrections([result.correction], NOW) });
        return true;
      }),
      RUNS,
    );
  });
});

/** Accepted corrections made as long as the format allows: notes of many-byte characters, evidence addresses of escapes. */
const heavyCorrection: fc.Arbitrary<Correction> = fc
  .tuple(
    acceptedCorrection,
    fc.string({ unit: 'binary', minLength: 300, maxLength: 1000 }).map((note) => note.slice(0, 1000)),
    fc
      .array(fc.constantFrom('%C3%A9', 'a', '%F0%9F%98%80', '/'), { minLength: 100, maxLength: 700 })
      .map((parts) => `https://www.leedsth.nhs.uk/${parts.join('')}`.slice(0, 2048).replace(/%[0-9A-F]?$/, '')),
    fc.boolean(),
  )
  .map(([correction, note, evidenceUrl, longEvidence]) => ({ ...correction, note, ...(longEvidence ? { evidenceUrl } : {}) }))
  .filter((correction) => parseCorrectionsFile(JSON.stringify(exportCorrections([correction], NOW))).ok);

describe('prefilledIssueUrl on any accepted correction', () => {
  it('stays under the limit, with at most one block, and that block is the correction itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(acceptedCorrection, heavyCorrection),
        fc.oneof(text(320), fc.string({ unit: 'binary', maxLength: 300 })),
        fc.constantFrom('https://github.com/org/repo', 'https://github.com/org/repo/?x=1#y', 'https://github.com/org/repo///'),
        (correction, organisationName, repository) => {
          const href = prefilledIssueUrl(repository, correction, organisationName);
          if (href === undefined) return false;
          expect(href.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
          const url = new URL(href);
          expect(url.pathname).toBe('/org/repo/issues/new');
          const body = url.searchParams.get('body') ?? '';
          const fences = body.split(/\r\n|\r|\n/).filter((line) => /^ {0,3}(`{3,}|~{3,})/.test(line));
          if (fences.length === 0) return body.includes('attach the exported file');
          expect(fences).toEqual(['```json', '```']);
          const block = /^```json\n(.*)\n```$/m.exec(body)?.[1] ?? '';
          expect(parseCorrectionsFile(block)).toEqual({ ok: true, file: exportCorrections([correction], new Date(correction.createdAt)) });
          return true;
        },
      ),
      RUNS,
    );
  });
});

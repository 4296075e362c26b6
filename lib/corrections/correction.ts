/**
 * A volunteer's correction to the index (docs/corrections-format.md): the one model that the
 * form validates, the browser stores, the export writes and the maintainers' command checks.
 *
 * Every way a correction arrives (the form's draft, an exported file, the user's own data file,
 * the curated data) ends in `CorrectionSchema`, so one set of rules decides (issue 17): the account
 * address is rebuilt from platform and handle, a domain passes the index's own host rule, a day is
 * a real day, an address is one line.
 */
import * as v from 'valibot';
import { OwnHost, sharedHostProblem } from '../index/host-rules';
import { HOST_PATTERN, isHttpUrl, ORGANISATION_ID_PATTERN } from '../index/schema';
import { normaliseHost } from '../net/hosts';
import { PLATFORM_EXAMPLE_ADDRESSES, withArticle } from '../social/platform-labels';
import { PLATFORMS, type Platform } from '../social/platforms';
import { explainRejection } from '../social/profile-rejections';
import { accountKey, type ProfileParse, parseHandle } from '../social/profile-url';
import { handleProblem } from './handle-problem';

export const CORRECTIONS_FORMAT = 1;

export const CORRECTION_KINDS = [
  'missing-account',
  'wrong-account',
  'account-closed',
  'wrong-organisation',
  'missing-domain',
  'observed-followers',
  'other',
] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Up to `max` characters of anything typed: a draft is kept as typed, so only its size is checked. */
const Typed = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * What a person typed in the form: every field a string, kept as typed even when invalid. The
 * schema bounds each field's size, for a draft read back from the user's own data file (issue 18).
 */
export const CorrectionDraftSchema = v.object({
  kind: v.picklist(CORRECTION_KINDS),
  organisationId: Typed(40),
  platform: v.picklist(['', ...PLATFORMS]),
  handle: Typed(300),
  domain: Typed(253),
  evidenceUrl: Typed(2000),
  note: Typed(1200),
  /** For `observed-followers`: the count the profile page showed, and the day it was seen. */
  followers: v.optional(Typed(20)),
  observedOn: v.optional(Typed(10)),
  /** The page showed a rounded figure ("12.3K"). */
  followersApproximate: v.optional(v.boolean()),
});
export type CorrectionDraft = v.InferOutput<typeof CorrectionDraftSchema>;

/** The longest address a correction may carry, as in the index. */
export const MAX_ADDRESS_LENGTH = 2048;
export const MAX_NOTE_LENGTH = 1000;

/**
 * Characters that break a line or hide what a text says: C0 and C1 controls, DEL, the Unicode line
 * and paragraph separators, and the direction overrides that make text read otherwise than it is.
 */
function isHiddenCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * True for an address written on one line with nothing hidden: no space, line break, control or
 * direction character. The URL parser quietly drops line breaks, so `https://a.nhs.uk/\n…` would
 * pass as an address yet add lines to the prefilled issue (issue 17).
 */
export function isOneLineAddress(value: string): boolean {
  for (const char of value) if (isHiddenCharacter(char.codePointAt(0) ?? 0) || /\s/u.test(char)) return false;
  return true;
}

/** `value` with every hidden character written as `\uXXXX`, so it stays one visible line. */
export function showHidden(value: string, keepLineBreaks = false): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    out += isHiddenCharacter(code) && !(keepLineBreaks && char === '\n') ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }
  return out;
}

/** True for a real day written YYYY-MM-DD: 2026-02-30 and 2026-13-01 are not days. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const day = new Date(0);
  day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return day.toISOString().slice(0, 10) === value;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const Address = v.pipe(
  v.string(),
  v.maxLength(MAX_ADDRESS_LENGTH, `must be at most ${MAX_ADDRESS_LENGTH} characters`),
  v.check(isOneLineAddress, 'must be one line, without spaces, line breaks or control characters'),
  v.check(isHttpUrl, 'must be an http(s) URL'),
);
/** A real day, as the CLI's `--date` and a count's `observed.on` are written. */
export const CalendarDate = v.pipe(v.string(), v.check(isCalendarDate, 'must be a real day written like 2026-11-24'));
/** An ISO timestamp on a real day (valibot's own check takes 2026-02-30T10:00Z). */
const Timestamp = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.check((value) => isCalendarDate(value.slice(0, 10)), 'must be on a real day'),
);

const CORRECTION_ID_PATTERN = /^[a-z0-9-]{8,64}$/;

/** The fields of a correction, each checked on its own; `correctionProblem` then checks them together. */
export const CORRECTION_ENTRIES = {
  id: v.pipe(v.string(), v.regex(CORRECTION_ID_PATTERN, 'must be 8 to 64 characters of a-z, 0-9 and -')),
  kind: v.picklist(CORRECTION_KINDS),
  organisationId: v.pipe(v.string(), v.regex(ORGANISATION_ID_PATTERN, 'must be an ODS code such as RJ1')),
  platform: v.optional(v.picklist(PLATFORMS)),
  handle: v.optional(Text(120)),
  /** Never taken as given: it must be the address rebuilt from `platform` and `handle`. */
  accountUrl: v.optional(Address),
  /** The index's own host rule (HOST_PATTERN and the shared-host rule), not a second copy of it. */
  domain: v.optional(OwnHost),
  /** What the profile page itself showed the volunteer, and when (`observed-followers`). */
  observed: v.optional(
    v.object({
      followers: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
      on: CalendarDate,
      approximate: v.boolean(),
    }),
  ),
  evidenceUrl: Address,
  note: Text(MAX_NOTE_LENGTH),
  createdAt: Timestamp,
};

type CorrectionFields = v.InferOutput<v.ObjectSchema<typeof CORRECTION_ENTRIES, undefined>>;

const NEEDS_ACCOUNT: readonly CorrectionKind[] = ['missing-account', 'wrong-account', 'account-closed', 'observed-followers'];
const NEEDS_NOTE: readonly CorrectionKind[] = ['other', 'wrong-organisation'];

/** A problem with a correction's fields taken together, and the field it is about. */
export interface CorrectionProblem {
  path: [keyof CorrectionFields] | ['observed', 'on'];
  message: string;
}

/**
 * The account a stored handle names, rebuilt by the index's rules (lib/social/profile-url.ts). The
 * handle is as the form writes it: `LTHTrust`, `@nhs` or `channel/UC…` on YouTube, `company/…` on
 * LinkedIn, `@user@host` on Mastodon; those with no bare form are given as their address.
 */
export function profileOfHandle(platform: Platform, handle: string): ProfileParse {
  const mastodon = /^@([^@/]+)@([^@/]+)$/.exec(handle);
  switch (platform) {
    case 'youtube':
    case 'linkedin':
      return parseHandle(platform, `https://www.${platform}.com/${handle}`);
    case 'flickr':
      return parseHandle(platform, `https://www.flickr.com/photos/${handle}`);
    case 'mastodon':
      return mastodon ? parseHandle(platform, `https://${mastodon[2]}/@${mastodon[1]}`) : { ok: false, rejection: 'bad-handle', platform };
    default:
      return parseHandle(platform, handle);
  }
}

/**
 * Why a correction whose fields are each well formed cannot be accepted, or undefined. The account
 * address is rebuilt from platform and handle and must be that one: a file saying `handle: GSTTnhs`
 * with `accountUrl: https://x.com/SomeoneElse` is refused, since either may be the typing slip.
 */
export function correctionProblem(c: CorrectionFields): CorrectionProblem | undefined {
  const problem = (path: CorrectionProblem['path'], message: string): CorrectionProblem => ({ path, message });
  if (c.platform !== undefined || c.handle !== undefined || c.accountUrl !== undefined || NEEDS_ACCOUNT.includes(c.kind)) {
    if (c.platform === undefined)
      return problem(['platform'], `is required for ${withArticle(c.kind)} correction, with handle and accountUrl`);
    if (c.handle === undefined) return problem(['handle'], 'is required with a platform');
    const rebuilt = profileOfHandle(c.platform, c.handle);
    if (!rebuilt.ok) return problem(['handle'], explainRejection(rebuilt));
    const { handle, url } = rebuilt.profile;
    if (handle !== c.handle) return problem(['handle'], `must be written as the platform writes it: "${handle}"`);
    if (c.accountUrl === undefined) return problem(['accountUrl'], `is required with a handle (${url})`);
    if (c.accountUrl !== url) {
      const given = parseHandle(c.platform, c.accountUrl);
      return given.ok && accountKey(given.profile.platform, given.profile.handle) === accountKey(c.platform, handle)
        ? problem(['accountUrl'], `must be written as the index writes it: ${url}`)
        : problem(['accountUrl'], `names another account than the handle (expected ${url}): check which one was meant`);
    }
  }
  if (c.kind === 'missing-domain' && c.domain === undefined) return problem(['domain'], 'is required for a missing-domain correction');
  if (c.kind === 'observed-followers') {
    if (c.observed === undefined) return problem(['observed'], `is required for ${withArticle(c.kind)} correction`);
    if (c.observed.on > c.createdAt.slice(0, 10)) return problem(['observed', 'on'], 'is after the day the correction was made');
  }
  if (NEEDS_NOTE.includes(c.kind) && c.note.trim() === '')
    return problem(['note'], `must say what is wrong for ${withArticle(c.kind)} correction`);
  return undefined;
}

/** Turns a problem into valibot's issue path, so messages read `corrections.0.accountUrl: …`. */
function issuePath(input: Record<string, unknown>, keys: readonly string[]): [v.ObjectPathItem, ...v.ObjectPathItem[]] {
  const items: v.ObjectPathItem[] = [];
  let at = input;
  for (const key of keys) {
    const value = at[key];
    items.push({ type: 'object', origin: 'value', input: at, key, value });
    at = (value ?? {}) as Record<string, unknown>;
  }
  return items as [v.ObjectPathItem, ...v.ObjectPathItem[]];
}

/** A correction's fields, and the rules that tie them together. */
export const withCorrectionRules = <T extends CorrectionFields>(schema: v.GenericSchema<unknown, T>) =>
  v.pipe(
    schema,
    v.rawCheck<T>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = correctionProblem(dataset.value);
      if (problem) addIssue({ message: problem.message, path: issuePath(dataset.value, problem.path) });
    }),
  );

export const CorrectionSchema = withCorrectionRules(v.object(CORRECTION_ENTRIES));
export type Correction = v.InferOutput<typeof CorrectionSchema>;

export const CorrectionsFile = v.pipe(
  v.object({
    format: v.literal(CORRECTIONS_FORMAT),
    exportedAt: Timestamp,
    corrections: v.array(CorrectionSchema),
  }),
  // One id, one correction: `apply` records ids as done, so a second one would be lost or doubled.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const first = new Map<string, number>();
    dataset.value.corrections.forEach((c, i) => {
      const earlier = first.get(c.id);
      if (earlier === undefined) first.set(c.id, i);
      else
        addIssue({
          message: `the same id as corrections.${earlier}`,
          path: [
            ...issuePath(dataset.value, ['corrections']),
            { type: 'array', origin: 'value', input: dataset.value.corrections, key: i, value: c },
            ...issuePath(c, ['id']),
          ],
        });
    });
  }),
);
export type CorrectionsFile = v.InferOutput<typeof CorrectionsFile>;

/** A problem with one field of the form, shown beside it. */
export type FieldErrors = Partial<Record<keyof CorrectionDraft, string>>;

/** Which form field a problem the schema found belongs beside. */
function draftField(path: readonly unknown[]): keyof CorrectionDraft {
  const [key, inner] = path;
  switch (key) {
    case 'organisationId':
    case 'domain':
    case 'evidenceUrl':
    case 'note':
      return key;
    case 'platform':
    case 'handle':
    case 'accountUrl':
      return 'handle';
    case 'observed':
      return inner === 'followers' ? 'followers' : 'observedOn';
    default:
      return 'kind';
  }
}

/**
 * Checks a draft before anything is saved: for an account, the handle's shape on its platform (the
 * canonical URL is rebuilt from it); for a domain, a host name one organisation may own; always, an
 * evidence URL, best the organisation's own page linking to the account. What the form builds then
 * passes the file format's own schema, so the form never queues what a file could not carry.
 * Returns the correction or the errors per field.
 */
export function validateDraft(
  draft: CorrectionDraft,
  id: string,
  now: Date,
): { ok: true; correction: Correction } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!ORGANISATION_ID_PATTERN.test(draft.organisationId.trim()))
    errors.organisationId = 'Choose the organisation (an ODS code such as RJ1).';
  let account: { handle: string; url: string; platform: Platform } | undefined;
  if (NEEDS_ACCOUNT.includes(draft.kind)) {
    if (draft.platform === '') {
      errors.platform = 'Choose the platform.';
    } else if (draft.handle.trim() === '') {
      errors.handle = `Enter the account’s profile address, like ${PLATFORM_EXAMPLE_ADDRESSES[draft.platform]}, or its handle.`;
    } else {
      const parsed = parseHandle(draft.platform, draft.handle);
      if (parsed.ok) account = { ...parsed.profile };
      else errors.handle = handleProblem(draft.platform, parsed.rejection, parsed.platform);
    }
  }
  const domain = normaliseHost(draft.domain);
  if (draft.kind === 'missing-domain') {
    const shared = HOST_PATTERN.test(domain) ? sharedHostProblem(domain) : undefined;
    if (!HOST_PATTERN.test(domain)) errors.domain = 'Enter a host name such as example.nhs.uk (no https://, no path).';
    else if (shared !== undefined) errors.domain = `${domain} ${shared}.`;
  }
  let observed: Correction['observed'];
  if (draft.kind === 'observed-followers') {
    const followers = Number((draft.followers ?? '').replace(/[,\s]/g, ''));
    const on = draft.observedOn ?? '';
    if (!Number.isInteger(followers) || followers < 0 || followers > 1e9 || (draft.followers ?? '').trim() === '')
      errors.followers = 'Enter the follower count as a whole number, such as 12345.';
    else if (!isCalendarDate(on) || on > now.toISOString().slice(0, 10))
      errors.observedOn = 'Enter the day you saw the count (a real day, not in the future).';
    else observed = { followers, on, approximate: draft.followersApproximate === true };
  }
  const evidenceUrl = draft.evidenceUrl.trim();
  // Something that is no address at all gets the plain request; one the URL parser would mend
  // quietly (a line break inside it) is refused as written.
  if (!isHttpUrl(evidenceUrl))
    errors.evidenceUrl = 'Enter the address of a page that shows this, ideally the organisation’s own page linking to the account.';
  else if (!isOneLineAddress(evidenceUrl))
    errors.evidenceUrl = 'Enter the address on one line, without spaces, line breaks or control characters.';
  else if (evidenceUrl.length > MAX_ADDRESS_LENGTH) errors.evidenceUrl = 'This address is too long: give a shorter page that shows it.';
  if (NEEDS_NOTE.includes(draft.kind) && draft.note.trim() === '') errors.note = 'Say what is wrong.';
  if (draft.note.length > MAX_NOTE_LENGTH) errors.note = 'Keep the note under 1,000 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const built = v.safeParse(CorrectionSchema, {
    id,
    kind: draft.kind,
    organisationId: draft.organisationId.trim(),
    ...(account ? { platform: account.platform, handle: account.handle, accountUrl: account.url } : {}),
    ...(draft.kind === 'missing-domain' ? { domain } : {}),
    ...(observed ? { observed } : {}),
    evidenceUrl,
    note: draft.note.trim(),
    createdAt: now.toISOString(),
  } satisfies Correction);
  if (built.success) return { ok: true, correction: built.output };
  const [issue] = built.issues;
  const path = (issue.path ?? []).map((item) => item.key);
  const field = draftField(path);
  return { ok: false, errors: { [field]: `This cannot be sent: ${path.join('.') || 'the correction'} ${issue.message}.` } };
}

/** The export file for a set of corrections. */
export function exportCorrections(corrections: readonly Correction[], now: Date): CorrectionsFile {
  return { format: CORRECTIONS_FORMAT, exportedAt: now.toISOString(), corrections: [...corrections] };
}

/** Reads an export file, refusing anything that is not one, with the first problem and its path. */
export function parseCorrectionsFile(text: string): { ok: true; file: CorrectionsFile } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  const parsed = v.safeParse(CorrectionsFile, data);
  if (!parsed.success) return { ok: false, reason: `not a corrections file: ${issueText(parsed.issues[0])}` };
  return { ok: true, file: parsed.output };
}

/**
 * The first problem as one line, `path: message`: valibot quotes the value it received, and a
 * value from a file may hold line breaks, so hidden characters are shown as `\uXXXX`.
 */
export function issueText(issue: v.BaseIssue<unknown>): string {
  return showHidden(`${v.getDotPath(issue) ?? 'top level'}: ${issue.message}`);
}

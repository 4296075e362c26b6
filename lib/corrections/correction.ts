/**
 * A volunteer's correction to the index (docs/corrections-format.md): the one model that the
 * form validates, the browser stores, the export writes and the maintainers' command checks.
 */
import * as v from 'valibot';
import { HOST_PATTERN, isHttpUrl, ORGANISATION_ID_PATTERN, PLATFORMS, type Platform } from '../index/schema';
import { explainRejection } from '../social/profile-rejections';
import { parseHandle } from '../social/profile-url';

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

/** What a person typed in the form: every field a string, kept as typed even when invalid. */
export interface CorrectionDraft {
  kind: CorrectionKind;
  organisationId: string;
  platform: Platform | '';
  handle: string;
  domain: string;
  evidenceUrl: string;
  note: string;
  /** For `observed-followers`: the count the profile page showed, and the day it was seen. */
  followers?: string;
  observedOn?: string;
  /** The page showed a rounded figure ("12.3K"). */
  followersApproximate?: boolean;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const CorrectionSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/)),
  kind: v.picklist(CORRECTION_KINDS),
  organisationId: v.pipe(v.string(), v.regex(ORGANISATION_ID_PATTERN)),
  platform: v.optional(v.picklist(PLATFORMS)),
  handle: v.optional(Text(120)),
  accountUrl: v.optional(v.pipe(v.string(), v.check(isHttpUrl))),
  domain: v.optional(Text(253)),
  /** What the profile page itself showed the volunteer, and when (`observed-followers`). */
  observed: v.optional(
    v.object({
      followers: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
      on: v.pipe(v.string(), v.isoDate()),
      approximate: v.boolean(),
    }),
  ),
  evidenceUrl: v.pipe(v.string(), v.check(isHttpUrl, 'must be an http(s) URL')),
  note: Text(1000),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type Correction = v.InferOutput<typeof CorrectionSchema>;

export const CorrectionsFile = v.object({
  format: v.literal(CORRECTIONS_FORMAT),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  corrections: v.array(CorrectionSchema),
});
export type CorrectionsFile = v.InferOutput<typeof CorrectionsFile>;

/** A problem with one field of the form, shown beside it. */
export type FieldErrors = Partial<Record<keyof CorrectionDraft, string>>;

const NEEDS_ACCOUNT: readonly CorrectionKind[] = ['missing-account', 'wrong-account', 'account-closed', 'observed-followers'];

/**
 * Checks a draft before anything is saved: for an account, the handle's shape on its platform (the
 * canonical URL is rebuilt from it); for a domain, a host name; always, an evidence URL, best the
 * organisation's own page linking to the account. Returns the correction or the errors per field.
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
      errors.handle = 'Enter the account’s handle or its address.';
    } else {
      const parsed = parseHandle(draft.platform, draft.handle);
      if (parsed.ok) account = { ...parsed.profile };
      else errors.handle = `This ${explainRejection(parsed)}.`;
    }
  }
  const domain = draft.domain
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  if (draft.kind === 'missing-domain' && !HOST_PATTERN.test(domain))
    errors.domain = 'Enter a host name such as example.nhs.uk (no https://, no path).';
  let observed: Correction['observed'];
  if (draft.kind === 'observed-followers') {
    const followers = Number((draft.followers ?? '').replace(/[,\s]/g, ''));
    const on = draft.observedOn ?? '';
    if (!Number.isInteger(followers) || followers < 0 || followers > 1e9 || (draft.followers ?? '').trim() === '')
      errors.followers = 'Enter the follower count as a whole number, such as 12345.';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || on > now.toISOString().slice(0, 10))
      errors.observedOn = 'Enter the day you saw the count (not in the future).';
    else observed = { followers, on, approximate: draft.followersApproximate === true };
  }
  if (!isHttpUrl(draft.evidenceUrl.trim())) {
    errors.evidenceUrl = 'Enter the address of a page that shows this, ideally the organisation’s own page linking to the account.';
  }
  if ((draft.kind === 'other' || draft.kind === 'wrong-organisation') && draft.note.trim() === '') errors.note = 'Say what is wrong.';
  if (draft.note.length > 1000) errors.note = 'Keep the note under 1,000 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    correction: {
      id,
      kind: draft.kind,
      organisationId: draft.organisationId.trim(),
      ...(account ? { platform: account.platform, handle: account.handle, accountUrl: account.url } : {}),
      ...(draft.kind === 'missing-domain' ? { domain } : {}),
      ...(observed ? { observed } : {}),
      evidenceUrl: draft.evidenceUrl.trim(),
      note: draft.note.trim(),
      createdAt: now.toISOString(),
    },
  };
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
  if (!parsed.success)
    return { ok: false, reason: `not a corrections file: ${v.getDotPath(parsed.issues[0]) ?? 'top level'}: ${parsed.issues[0]?.message}` };
  return { ok: true, file: parsed.output };
}

/** Browsers and forges refuse very long addresses; a prefilled issue stays well under this. */
export const MAX_ISSUE_URL_LENGTH = 6000;

/**
 * A prefilled "new issue" address on the project's repository: a structured title and body about
 * this correction only, with no browsing history beyond the page it is about.
 */
export function prefilledIssueUrl(repositoryUrl: string, correction: Correction, organisationName: string): string {
  const title = `Correction (${correction.kind.replace(/-/g, ' ')}): ${organisationName} (${correction.organisationId})`;
  const lines = [
    `Kind: ${correction.kind}`,
    `Organisation: ${organisationName} (${correction.organisationId})`,
    ...(correction.platform ? [`Platform: ${correction.platform}`, `Account: ${correction.accountUrl}`] : []),
    ...(correction.domain ? [`Domain: ${correction.domain}`] : []),
    ...(correction.observed
      ? [
          `Followers: ${correction.observed.approximate ? 'about ' : ''}${correction.observed.followers}, seen on the profile on ${correction.observed.on}`,
        ]
      : []),
    `Evidence: ${correction.evidenceUrl}`,
    ...(correction.note ? ['', correction.note] : []),
    '',
    '```json',
    JSON.stringify(exportCorrections([correction], new Date(correction.createdAt))),
    '```',
  ];
  const url = new URL(`${repositoryUrl.replace(/\/+$/, '')}/issues/new`);
  url.searchParams.set('title', title);
  url.searchParams.set('body', lines.join('\n'));
  if (url.href.length > MAX_ISSUE_URL_LENGTH) {
    url.searchParams.set(
      'body',
      [...lines.slice(0, 6), '', '(The note was too long for a link: please paste the exported file.)'].join('\n'),
    );
  }
  return url.href;
}

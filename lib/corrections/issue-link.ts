/**
 * A prefilled "new issue" address on the project's repository (GitHub's `/issues/new?title=&body=`):
 * a structured title and body about one correction only, with no browsing history beyond the page
 * it is about, and one machine-readable block the maintainers can paste into `nsl corrections check`.
 *
 * What the correction carries cannot bend the issue (issue 17): addresses and names are written on
 * one line, a note cannot open a block of its own, and the address never exceeds the limit.
 */
import { isHttpUrl } from '../index/schema';
import { type Correction, exportCorrections, showHidden } from './correction';

/** Browsers and forges refuse very long addresses; a prefilled issue stays well under this. */
export const MAX_ISSUE_URL_LENGTH = 6000;

const ATTACH =
  'The full correction is too long for a link: please attach the exported file (My corrections, "Download as a file") to this issue.';

/** The repository's new-issue address, whatever query or fragment its own address has; undefined when it is not a web address. */
function newIssueAddress(repositoryUrl: string): URL | undefined {
  if (!isHttpUrl(repositoryUrl)) return undefined;
  const url = new URL(repositoryUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/issues/new`;
  return url;
}

/**
 * The note as prose: line breaks kept, every other hidden character shown, and the characters that
 * open Markdown code blocks (` and ~) escaped, so the correction's own block is the only one.
 */
function proseNote(note: string): string {
  return showHidden(note.replace(/\r\n?/g, '\n'), true).replace(/[\\`~]/g, '\\$&');
}

/**
 * The export file for this one correction on a single line. JSON escapes line breaks already; the
 * backtick and the Unicode line separators are escaped too, so no part of it can close the block.
 */
function machineReadable(correction: Correction): string {
  return JSON.stringify(exportCorrections([correction], new Date(correction.createdAt))).replace(
    /[`\u2028\u2029]/g,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A file of the project's repository on the web (`docs/adoption-levels.md`, for "how the level is
 * worked out": issue 30), on its default branch; undefined when the repository's address is not a
 * web address. GitHub reads `blob/HEAD/` as the default branch, whatever its name.
 */
export function repositoryFileUrl(repositoryUrl: string, path: string): string | undefined {
  if (!isHttpUrl(repositoryUrl)) return undefined;
  const url = new URL(repositoryUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/blob/HEAD/${path}`;
  return url.href;
}

/** The longest prefix of `text` (whole characters) for which `fits` holds; '' when none does. */
function longestFitting(text: string, fits: (prefix: string) => boolean): string {
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(chars.slice(0, mid).join(''))) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('');
}

/**
 * The issue address for `correction`, or undefined when the repository's address is not a web
 * address or not even the shortest issue fits. The body is the longest of these that fits: every
 * fact, the note and the block; the facts and the block (the note is inside it); the facts and as
 * much of the note as fits, asking for the exported file; the account alone, asking for the file.
 */
export function prefilledIssueUrl(repositoryUrl: string, correction: Correction, organisationName: string): string | undefined {
  const base = newIssueAddress(repositoryUrl);
  if (base === undefined) return undefined;
  const address = (title: string, body: readonly string[]): string => {
    const url = new URL(base);
    url.searchParams.set('title', title);
    url.searchParams.set('body', body.join('\n'));
    return url.href;
  };
  const fits = (href: string) => href.length <= MAX_ISSUE_URL_LENGTH;

  const name = showHidden(organisationName);
  const kind = correction.kind.replace(/-/g, ' ');
  const title = `Correction (${kind}): ${name} (${correction.organisationId})`;
  const account = correction.platform ? [`Platform: ${correction.platform}`, `Account: ${showHidden(correction.accountUrl ?? '')}`] : [];
  const facts = [
    `Kind: ${correction.kind}`,
    `Organisation: ${name} (${correction.organisationId})`,
    ...account,
    ...(correction.domain ? [`Domain: ${showHidden(correction.domain)}`] : []),
    ...(correction.observed
      ? [
          `Followers: ${correction.observed.approximate ? 'about ' : ''}${correction.observed.followers}, seen on the profile on ${correction.observed.on}`,
        ]
      : []),
    `Evidence: ${showHidden(correction.evidenceUrl)}`,
  ];
  const block = ['```json', machineReadable(correction), '```'];
  const note = proseNote(correction.note);

  const full = address(title, [...facts, ...(note ? ['', note] : []), '', ...block]);
  if (fits(full)) return full;
  const blockOnly = address(title, [...facts, '', '(The note is in the block below.)', '', ...block]);
  if (note && fits(blockOnly)) return blockOnly;
  const withCut = (cut: string) => address(title, [...facts, ...(cut ? ['', `${cut}…`] : []), '', ATTACH]);
  if (fits(withCut(''))) return withCut(longestFitting(note, (cut) => fits(withCut(cut))));
  // The longest evidence address or organisation name may not fit at all: the account alone then.
  const short = [`Kind: ${correction.kind}`, `Organisation: ${correction.organisationId}`, ...account, '', ATTACH];
  const shortTitle = (cut: string) =>
    address(`Correction (${kind}): ${cut}${cut === name ? '' : '…'} (${correction.organisationId})`, short);
  if (!fits(shortTitle(''))) return undefined;
  return shortTitle(longestFitting(name, (cut) => fits(shortTitle(cut))));
}

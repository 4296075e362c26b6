/**
 * The accounts the correction form offers to pick from, with a "Use this" button each (issue 18:
 * moved out of the form, to be tested in Node).
 */
import type { Organisation } from '../index/schema';
import type { Platform } from '../social/platforms';
import { accountKey } from '../social/profile-url';
import type { CorrectionDraft, CorrectionKind } from './correction';

/** The kinds of suggestion that name an account (a platform and a handle). */
export const ACCOUNT_KINDS: readonly CorrectionKind[] = ['missing-account', 'wrong-account', 'account-closed', 'observed-followers'];

/** True when a suggestion of this kind names an account. */
export function needsAccount(kind: CorrectionKind): boolean {
  return ACCOUNT_KINDS.includes(kind);
}

/** A profile this browser saw linked from an organisation's own site (the fields of a stored sighting read here). */
export interface SeenProfile {
  accountKey: string;
  platform: Platform;
  handle: string;
  url: string;
  pageUrl: string;
}

/**
 * Where an account to pick comes from, for the heading it is listed under (issue 30): linked from
 * the organisation's own site and missing from the index, an unverified candidate the index holds,
 * or one of the index's accounts.
 */
export type ChoiceGroup = 'site' | 'unverified' | 'index';

/** The heading over each group of accounts to pick from. */
export const CHOICE_GROUP_HEADINGS: Record<ChoiceGroup, string> = {
  site: 'Seen on its own website, not in the index',
  unverified: 'In the index, not yet verified as theirs',
  index: 'Accounts the index lists',
};

/** One account to pick: what it is, the page that shows it (empty when none), and why it is offered. */
export interface AccountChoice {
  group: ChoiceGroup;
  platform: Platform;
  handle: string;
  url: string;
  evidence: string;
  why: string;
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url;
}

/**
 * Accounts to pick from: for a missing account, those the organisation's own site linked to that
 * the index lacks, then its unverified ones; for any other kind, those the index lists.
 */
export function accountChoices(kind: CorrectionKind, organisation: Organisation, seen: readonly SeenProfile[]): AccountChoice[] {
  if (kind !== 'missing-account')
    return organisation.accounts.map((a) => ({
      group: 'index',
      platform: a.platform,
      handle: a.handle,
      url: a.url,
      evidence: '',
      why: a.verification === 'official' ? 'in the index' : 'in the index, unverified',
    }));
  const listed = new Set(organisation.accounts.map((a) => accountKey(a.platform, a.handle)));
  return seen
    .filter((s) => !listed.has(s.accountKey))
    .map(
      (s): AccountChoice => ({
        group: 'site',
        platform: s.platform,
        handle: s.handle,
        url: s.url,
        evidence: s.pageUrl,
        why: `linked from ${hostOf(s.pageUrl)}`,
      }),
    )
    .concat(
      organisation.accounts
        .filter((a) => a.verification === 'unverified')
        .map(
          (a): AccountChoice => ({
            group: 'unverified',
            platform: a.platform,
            handle: a.handle,
            url: a.url,
            evidence: '',
            why: 'possibly theirs',
          }),
        ),
    );
}

/** `choices` under their headings, in the order the form shows them (site, unverified, index), empty groups left out. */
export function groupChoices(choices: readonly AccountChoice[]): [ChoiceGroup, AccountChoice[]][] {
  return (['site', 'unverified', 'index'] as const)
    .map((group): [ChoiceGroup, AccountChoice[]] => [group, choices.filter((c) => c.group === group)])
    .filter(([, listed]) => listed.length > 0);
}

/** The draft fields "Use this" fills in: the account, and its evidence page unless one was typed already. */
export function useChoice(choice: AccountChoice, draft: Pick<CorrectionDraft, 'evidenceUrl'>): Partial<CorrectionDraft> {
  return {
    platform: choice.platform,
    // The address, not the handle: every platform's address parses, some handles alone do not.
    handle: choice.url,
    ...(choice.evidence && draft.evidenceUrl.trim() === '' ? { evidenceUrl: choice.evidence } : {}),
  };
}

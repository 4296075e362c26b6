import { PLATFORM_LABELS } from '../social/platform-labels';
import type { Correction, CorrectionDraft, CorrectionKind } from './correction';

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  'missing-account': 'A missing account',
  'wrong-account': 'An account that is not theirs',
  'account-closed': 'An account that is closed or dormant',
  'wrong-organisation': 'The wrong organisation was matched',
  'missing-domain': 'A missing website domain',
  'observed-followers': 'A follower count seen on the profile',
  other: 'Something else',
};

/**
 * The evidence that best shows each kind of correction, as the form's hint under "Evidence" (issue
 * 30): the page a maintainer will open to check it.
 */
export const CORRECTION_EVIDENCE_HINTS: Record<CorrectionKind, string> = {
  'missing-account': 'Best: the organisation’s own page that links to the account (its home page or “Contact us”, say).',
  'wrong-account':
    'A page showing whose account it is: its profile saying so, or the organisation’s own page linking to a different account.',
  'account-closed': 'The account’s profile page showing it closed, or its latest post, for one that stopped posting.',
  'wrong-organisation': 'A page saying who runs the website that was matched: its “About us” page or footer, say.',
  'missing-domain': 'A page that names the domain as the organisation’s own: its GOV.UK or NHS entry, or an annual report, say.',
  'observed-followers': 'The profile page where you saw the count.',
  other: 'A page that shows what is wrong.',
};

/** One line saying what a correction asks for, in the words the popup and the list use. */
export function describeCorrection(c: Correction | CorrectionDraft): string {
  const account = c.platform && c.handle ? `${PLATFORM_LABELS[c.platform]} ${c.handle}` : 'an account';
  switch (c.kind) {
    case 'missing-account':
      return `Add ${account} as an official account`;
    case 'wrong-account':
      return `${account} is not theirs`;
    case 'account-closed':
      return `${account} is closed or dormant`;
    case 'missing-domain':
      return `Add the website ${c.domain || '(no domain yet)'}`;
    case 'observed-followers': {
      const observed = 'observed' in c && c.observed ? c.observed : undefined;
      const count = observed ? observed.followers.toLocaleString('en-GB') : (c as CorrectionDraft).followers || '?';
      const approx = observed?.approximate ?? (c as CorrectionDraft).followersApproximate;
      return `${account}: ${approx ? 'about ' : ''}${count} followers, observed by you`;
    }
    case 'wrong-organisation':
      return 'The page was matched to the wrong organisation';
    default:
      return 'Something else is wrong';
  }
}

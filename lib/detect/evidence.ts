import { PLATFORM_LABELS } from '../social/platform-labels';
import type { Evidence } from './types';

/** One line a person can read: why the extension thinks this page is the organisation's. */
export function describeEvidence(evidence: Evidence): string {
  const formerly = evidence.predecessor ? `, which belonged to ${evidence.predecessor.name ?? evidence.predecessor.id}` : '';
  const platform = evidence.platform ? PLATFORM_LABELS[evidence.platform] : 'social';
  switch (evidence.rule) {
    case 'domain':
      return evidence.predecessor
        ? `matched by ${evidence.value}, the former domain of ${evidence.predecessor.name ?? evidence.predecessor.id}`
        : `matched by domain ${evidence.value}`;
    case 'organisation-code':
      return `matched by ODS code ${evidence.value} in the address on ${evidence.where}${formerly}`;
    case 'site-code':
      return `matched by site code ${evidence.value} in the address on ${evidence.where}${formerly}`;
    case 'govuk-page':
      return evidence.predecessor
        ? `matched by the GOV.UK organisation page of ${evidence.predecessor.name ?? evidence.predecessor.id} (${evidence.where ?? 'www.gov.uk'}${evidence.value})`
        : `matched by its GOV.UK organisation page (${evidence.where ?? 'www.gov.uk'}${evidence.value})`;
    case 'social-profile':
      return `matched by the ${platform} account ${evidence.value} listed in the index`;
    case 'linked-from-site':
      return `matched because ${evidence.value} links to this ${platform} account`;
  }
}

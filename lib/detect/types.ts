import type { Organisation } from '../index/schema';
import type { Platform } from '../social/platforms';

/**
 * Why a page was attributed to an organisation: the rule that matched, the value it matched
 * (a host, a code or a handle) and where that value was read.
 */
export interface Evidence {
  rule: 'domain' | 'organisation-code' | 'site-code' | 'govuk-page' | 'social-profile' | 'linked-from-site';
  /** The host, ODS code, site code, GOV.UK organisation page's path or handle that matched. */
  value: string;
  /** Where the value was read: the page's host, or the social platform. */
  where?: string;
  platform?: Platform;
  /** Set when the match went through a predecessor: an old domain or an old code. */
  predecessor?: { id: string; name?: string; until?: string };
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Candidate {
  organisation: Organisation;
  evidence: Evidence;
  confidence: Confidence;
}

/** What the extension knows about one page: no candidates means not recognised. */
export interface Detection {
  url: string;
  candidates: Candidate[];
}

/**
 * What the in-page flag says (when the user turned it on): the organisation and its adoption level.
 * The background makes it with its answer to a page it read, and `showPageFlag` (lib/browser/page-scripts.ts) draws it in the page.
 */
export interface PageFlag {
  name: string;
  level: string;
}

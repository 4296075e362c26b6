import type { Organisation, Platform } from '../index/schema';

/**
 * Why a page was attributed to an organisation: the rule that matched, the value it matched
 * (a host, a code or a handle) and where that value was read.
 */
export interface Evidence {
  rule: 'domain' | 'organisation-code' | 'site-code' | 'social-profile' | 'linked-from-site';
  /** The host, ODS code, site code or handle that matched. */
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

type Found = Promise<readonly Organisation[]> | readonly Organisation[];

/**
 * The index look-ups detection needs. The command line answers them from memory, the extension
 * from IndexedDB; both are built from `organisationKeys`, so they agree.
 */
export interface IndexLookups {
  /** Organisations listing `host` as their own or a predecessor's domain. */
  byHost(host: string): Found;
  /** Organisations whose code, or a predecessor's code, is `code`. */
  byCode(code: string): Found;
  /** Organisations with the account `accountKey(platform, handle)`. */
  byAccount(key: string): Found;
}

/**
 * A sighting: a social profile an organisation's own site linked to, as this browser saw it and
 * keeps it (kept on this machine only, never sent anywhere). What a page links to, before it is
 * kept, is a `PageProfile` (page-signals.ts).
 */
import * as v from 'valibot';
import { PLATFORMS } from '../social/platforms';
import type { ProfileVia } from './page-signals';

const VIAS = ['link', 'rel-me', 'json-ld', 'meta'] as const satisfies readonly ProfileVia[];

export const StoredSightingSchema = v.object({
  organisationId: v.string(),
  /** `accountKey(platform, handle)`. */
  accountKey: v.string(),
  platform: v.picklist(PLATFORMS),
  handle: v.string(),
  url: v.string(),
  /** The organisation's page that linked the profile, and how (a link, rel="me", JSON-LD…). */
  pageUrl: v.string(),
  via: v.picklist(VIAS),
  /** Other organisations sharing the site the link was on: the link may be theirs, not this one's. */
  sharedWith: v.array(v.string()),
  firstSeen: v.pipe(v.string(), v.isoTimestamp()),
  lastSeen: v.pipe(v.string(), v.isoTimestamp()),
  /** Where the sighting came from when not a page the user visited: "your survey, 1 Dec 2026" (issue 29). */
  source: v.optional(v.string()),
});
export type StoredSighting = v.InferOutput<typeof StoredSightingSchema>;

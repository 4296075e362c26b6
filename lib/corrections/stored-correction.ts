/**
 * A volunteer's correction as this browser keeps it: the one schema the database's type, the
 * messages and the user's own data file are read from (issue 18).
 */
import * as v from 'valibot';
import { CorrectionDraftSchema, CorrectionSchema } from './correction';

/** A queue this long is far beyond one volunteer's use; the cap keeps a runaway page from filling the disk. */
export const MAX_STORED_CORRECTIONS = 500;

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

/**
 * What they typed (always, even when it did not validate, so nothing is lost) and, once it
 * validated, the correction itself. "Merged" is not stored: it is read from the installed index
 * (`isReflectedIn`).
 */
export const StoredCorrectionSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{8,64}$/)),
  /** draft: being written; ready: checked and waiting to be sent; exported: sent (file, clipboard or issue). */
  status: v.picklist(['draft', 'ready', 'exported']),
  draft: CorrectionDraftSchema,
  correction: v.optional(CorrectionSchema),
  organisationName: v.pipe(v.string(), v.maxLength(300)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  exportedAt: v.optional(Timestamp),
  /** What the popup prefilled it with, so opening the same suggestion again finds this draft. */
  origin: v.optional(v.pipe(v.string(), v.maxLength(400))),
});
export type StoredCorrection = v.InferOutput<typeof StoredCorrectionSchema>;

/** A stored correction as "My corrections" lists it: merged when the installed index already says it. */
export type CorrectionView = StoredCorrection & { merged: boolean };

/** Saving what was typed: refused only when the queue is full. */
export type SaveResult = { saved: true; record: StoredCorrection } | { saved: false; reason: string };

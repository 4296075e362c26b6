/**
 * Which suggestion the correction form opens (issue 18: moved out of the form, to be tested in
 * Node): the stored one it was asked to edit; else the unfinished draft the same popup button
 * started; else a new draft from the prefill.
 */
import type { CorrectionDraft } from './correction';
import { type CorrectionPrefill, prefillDraft, prefillOrigin } from './prefill';
import type { StoredCorrection } from './stored-correction';

/** What the corrections page was opened with: `?id=…` to edit, or the popup's prefill. */
export interface DraftOpening {
  id?: string;
  prefill?: CorrectionPrefill;
}

/** The form's record, and the one line said at the top about it (empty when there is nothing to say). */
export interface OpenedDraft {
  record: StoredCorrection;
  notice: string;
}

/** A blank draft about `organisationId`: a missing account, the commonest suggestion. */
export const emptyDraft = (organisationId = ''): CorrectionDraft => ({
  kind: 'missing-account',
  organisationId,
  platform: '',
  handle: '',
  domain: '',
  evidenceUrl: '',
  note: '',
});

/** The record the form opens, from the user's stored corrections; `newId` and `now` are asked only for a new draft. */
export function openDraft(
  stored: readonly StoredCorrection[],
  { id, prefill }: DraftOpening,
  make: { newId(): string; now(): Date },
): OpenedDraft {
  const existing = id === undefined ? undefined : stored.find((r) => r.id === id);
  if (existing) return { record: existing, notice: '' };
  const draft = { ...emptyDraft(prefill?.organisationId), ...prefillDraft(prefill) };
  const origin = prefillOrigin(prefill);
  const unfinished = stored.find((r) => r.status === 'draft' && r.draft.organisationId === draft.organisationId && r.origin === origin);
  if (unfinished) return { record: unfinished, notice: 'Your unfinished suggestion was restored, as you left it.' };
  const now = make.now().toISOString();
  return {
    record: { id: make.newId(), status: 'draft', draft, organisationName: '', createdAt: now, updatedAt: now, origin },
    notice: id === undefined ? '' : 'That suggestion is no longer here (it may have been deleted): you can start a new one.',
  };
}

/**
 * The volunteer's corrections in IndexedDB: saved as typed, listed with their state (merged when
 * the installed index already says what they ask), edited, deleted and marked as sent.
 */
import { validateDraft } from '../corrections/correction';
import { isReflectedIn } from '../corrections/status';
import { type CorrectionView, MAX_STORED_CORRECTIONS, type SaveResult, type StoredCorrection } from '../corrections/stored-correction';
import type { Platform } from '../social/platforms';
import { accountKey } from '../social/profile-url';
import type { NslDatabase } from './db';
import { getOrganisation } from './index-store';

/**
 * Saves what was typed. `submit` asks for it to be checked: a valid draft becomes "ready"; an
 * invalid one is still saved as a draft (nothing typed is lost) and the form shows the errors.
 */
export async function saveCorrection(db: NslDatabase, record: StoredCorrection, submit: boolean, now: Date): Promise<SaveResult> {
  const existing = await db.get('corrections', record.id);
  if (existing === undefined && (await db.count('corrections')) >= MAX_STORED_CORRECTIONS)
    return { saved: false, reason: `you already have ${MAX_STORED_CORRECTIONS} corrections: send or delete some first` };
  // Any edit, even of a correction already sent, is a new suggestion: it goes back to being a draft.
  const { correction: _old, exportedAt: _sent, ...typed } = record;
  let next: StoredCorrection = {
    ...typed,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    status: 'draft',
  };
  if (submit) {
    const checked = validateDraft(record.draft, record.id, new Date(next.createdAt));
    if (checked.ok) next = { ...next, status: 'ready', correction: checked.correction };
  }
  await db.put('corrections', next);
  return { saved: true, record: next };
}

/** Whether the installed index already says what a checked correction asks for. */
async function isMerged(db: NslDatabase, record: StoredCorrection): Promise<boolean> {
  return record.correction !== undefined && isReflectedIn(record.correction, await getOrganisation(db, record.correction.organisationId));
}

/** Every stored correction, newest first, each marked merged when the installed index reflects it. */
export async function listCorrections(db: NslDatabase): Promise<CorrectionView[]> {
  const views = await Promise.all(
    (await db.getAll('corrections')).map(async (record) => ({ ...record, merged: await isMerged(db, record) })),
  );
  return views.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The user's checked corrections about these organisations that the index does not reflect yet. */
export async function pendingCorrectionsFor(db: NslDatabase, organisationIds: readonly string[]): Promise<StoredCorrection[]> {
  const found: StoredCorrection[] = [];
  for (const id of organisationIds)
    for (const record of await db.getAllFromIndex('corrections', 'by-organisation', id))
      if (record.status !== 'draft' && !(await isMerged(db, record))) found.push(record);
  return found;
}

/** Deletes one correction; true when there was one to delete. */
export async function deleteCorrection(db: NslDatabase, id: string): Promise<boolean> {
  const existed = (await db.get('corrections', id)) !== undefined;
  await db.delete('corrections', id);
  return existed;
}

/** Marks these checked corrections as sent (file, clipboard or issue); returns how many were. */
export async function markExported(db: NslDatabase, ids: readonly string[], now: Date): Promise<number> {
  const tx = db.transaction('corrections', 'readwrite');
  let marked = 0;
  for (const id of ids) {
    const record = await tx.store.get(id);
    if (record?.correction === undefined) continue;
    await tx.store.put({ ...record, status: 'exported', exportedAt: now.toISOString() });
    marked++;
  }
  await tx.done;
  return marked;
}

/**
 * Puts back corrections from the user's own export file (already checked against its schema). A
 * sent or ready one is checked again, so nothing unchecked is ever queued; it keeps its state.
 */
export async function importCorrections(db: NslDatabase, records: readonly StoredCorrection[]): Promise<number> {
  const room = MAX_STORED_CORRECTIONS - (await db.count('corrections'));
  const tx = db.transaction('corrections', 'readwrite');
  let imported = 0;
  for (const record of records) {
    const replacing = (await tx.store.get(record.id)) !== undefined;
    if (!replacing && imported >= room) break;
    const { correction: _unchecked, ...typed } = record;
    const checked = record.status === 'draft' ? undefined : validateDraft(record.draft, record.id, new Date(record.createdAt));
    await tx.store.put(checked?.ok ? { ...typed, correction: checked.correction } : { ...typed, status: 'draft' });
    imported++;
  }
  await tx.done;
  return imported;
}

/** A follower count the organisation's own profile page showed the user (as the popup sends it). */
export interface FollowerObservation {
  organisationId: string;
  platform: Platform;
  handle: string;
  pageUrl: string;
  followers: number;
  approximate: boolean;
}

/**
 * Keeps an observed follower count as a draft correction "observed by you on <date>": one a day
 * per account, replaced while it is still a draft. Only for an account the index lists as the
 * organisation's own: a count from anyone else's page is not theirs. Returns the draft, or the
 * day's correction already sent or queued, or undefined when the account is not theirs.
 */
export async function recordObservedFollowers(
  db: NslDatabase,
  observed: FollowerObservation,
  now: Date,
): Promise<StoredCorrection | undefined> {
  const organisation = await getOrganisation(db, observed.organisationId);
  const key = accountKey(observed.platform, observed.handle);
  if (!organisation?.accounts.some((a) => a.verification === 'official' && accountKey(a.platform, a.handle) === key)) return undefined;
  const today = now.toISOString().slice(0, 10);
  const id = `obs-${organisation.id}-${key}-${today}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 64);
  const existing = await db.get('corrections', id);
  if (existing && existing.status !== 'draft') return existing;
  const record: StoredCorrection = {
    id,
    status: 'draft',
    organisationName: organisation.name,
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    draft: {
      kind: 'observed-followers',
      organisationId: organisation.id,
      platform: observed.platform,
      handle: observed.handle,
      domain: '',
      evidenceUrl: observed.pageUrl,
      note: '',
      followers: String(observed.followers),
      followersApproximate: observed.approximate,
      observedOn: today,
    },
  };
  await db.put('corrections', record);
  return record;
}

import { organisationKeys } from '../index/keys';
import type { IndexLookups } from '../index/lookup';
import type { NhsIndex, Organisation } from '../index/schema';
import { validateIndex } from '../index/validate';
import type { InstalledIndexMeta, NslDatabase, StoredOrganisation } from './db';

/**
 * Replaces the installed index in one transaction: the old organisations are cleared and the new
 * ones written together with their metadata, so a lookup sees one complete index or the other.
 */
export async function installIndex(
  db: NslDatabase,
  index: NhsIndex,
  origin: InstalledIndexMeta['origin'],
  now: Date,
): Promise<InstalledIndexMeta> {
  const meta: InstalledIndexMeta = {
    indexVersion: index.indexVersion,
    schemaVersion: index.schemaVersion,
    generatedAt: index.generatedAt,
    sources: index.sources,
    organisationCount: index.organisations.length,
    origin,
    installedAt: now.toISOString(),
  };
  const tx = db.transaction(['organisations', 'meta'], 'readwrite');
  const organisations = tx.objectStore('organisations');
  // Requests are queued without awaiting each one: awaiting between them is safe but slower.
  const writes: Promise<unknown>[] = [organisations.clear()];
  for (const org of index.organisations) {
    const keys = organisationKeys(org);
    writes.push(organisations.put({ ...org, hostKeys: keys.hosts, codeKeys: keys.codes, accountKeys: keys.accounts }));
  }
  writes.push(tx.objectStore('meta').put(meta, 'installed-index'));
  await Promise.all([...writes, tx.done]);
  return meta;
}

export function installedIndexMeta(db: NslDatabase): Promise<InstalledIndexMeta | undefined> {
  return db.get('meta', 'installed-index');
}

/**
 * Makes sure an index is installed. The bundled copy is the floor: it is installed when nothing
 * is, and replaces an installed copy older than it (after an extension update); a refreshed copy
 * at least as new stays. `bundledVersion` is known at build time, so the bundled file is read only
 * when it is needed.
 */
export async function ensureIndexInstalled(
  db: NslDatabase,
  bundledVersion: number,
  loadBundled: () => Promise<unknown>,
  now: () => Date,
): Promise<InstalledIndexMeta> {
  const installed = await installedIndexMeta(db);
  if (installed !== undefined && installed.indexVersion >= bundledVersion) return installed;
  const result = validateIndex(await loadBundled());
  if (!result.ok) {
    const [first] = result.problems;
    throw new Error(`the bundled index is invalid at ${first?.path}: ${first?.message}`);
  }
  return installIndex(db, result.index, 'bundled', now());
}

/** The look-ups detection needs, answered by IndexedDB's multi-entry indexes on each key. */
export function indexedDbLookups(db: NslDatabase): IndexLookups {
  const find = (index: 'by-host' | 'by-code' | 'by-account') => async (key: string) =>
    (await db.getAllFromIndex('organisations', index, key)).map(withoutKeys);
  return { byHost: find('by-host'), byCode: find('by-code'), byAccount: find('by-account') };
}

/** Reads one organisation by code. */
export async function getOrganisation(db: NslDatabase, id: string): Promise<Organisation | undefined> {
  const stored = await db.get('organisations', id);
  return stored && withoutKeys(stored);
}

/** An organisation as the index has it, without the look-up keys stored beside it. */
export function withoutKeys({ hostKeys: _h, codeKeys: _c, accountKeys: _a, ...org }: StoredOrganisation): Organisation {
  return org;
}

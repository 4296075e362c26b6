import { organisationHostKeys } from '../detect/detect-by-host';
import type { NhsIndex, Organisation } from '../index/schema';
import { validateIndex } from '../index/validate';
import type { InstalledIndexMeta, NslDatabase } from './db';

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
  for (const org of index.organisations) writes.push(organisations.put({ ...org, hostKeys: organisationHostKeys(org) }));
  writes.push(tx.objectStore('meta').put(meta, 'installed-index'));
  await Promise.all([...writes, tx.done]);
  return meta;
}

export function installedIndexMeta(db: NslDatabase): Promise<InstalledIndexMeta | undefined> {
  return db.get('meta', 'installed-index');
}

/**
 * Makes sure an index is installed. The bundled copy is the floor: it is installed when nothing
 * is, and replaces an installed copy that is older than it (after an extension update).
 */
export async function ensureIndexInstalled(
  db: NslDatabase,
  loadBundled: () => Promise<unknown>,
  now: () => Date,
): Promise<InstalledIndexMeta> {
  const installed = await installedIndexMeta(db);
  if (installed !== undefined && installed.origin !== 'bundled') return installed;
  const result = validateIndex(await loadBundled());
  if (!result.ok) {
    const [first] = result.problems;
    throw new Error(`the bundled index is invalid at ${first?.path}: ${first?.message}`);
  }
  if (installed !== undefined && installed.indexVersion >= result.index.indexVersion) return installed;
  return installIndex(db, result.index, 'bundled', now());
}

/** Looks up the organisations that list `host` (IndexedDB's multi-entry index on every host key). */
export function organisationsByHost(db: NslDatabase): (host: string) => Promise<Organisation[]> {
  return async (host) => (await db.getAllFromIndex('organisations', 'by-host', host)).map(withoutHostKeys);
}

function withoutHostKeys({ hostKeys: _hostKeys, ...org }: Organisation & { hostKeys: string[] }): Organisation {
  return org;
}

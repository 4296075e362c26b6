/**
 * `tsx scripts/next-index-release.ts [--published MANIFEST] [--release FILE]`: raises
 * data/index-release.json for a refresh (issue 21). The index version becomes one above both the
 * release file's and the copy published now (its manifest.json, when there is one: `index publish`
 * and the extension refuse a version that is not newer, and a refresh proposed last week may not be
 * merged yet), and the generation time becomes now.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MAX_INDEX_VERSION } from '../lib/index/schema';
import { parseManifest } from '../lib/refresh/published';

/** data/index-release.json: the version and generation time `index build` stamps on the index. */
export interface IndexRelease {
  indexVersion: number;
  generatedAt: string;
}

/** The next release: one above the current and the published versions, generated `now`. */
export function nextIndexRelease(current: IndexRelease, publishedVersion: number | undefined, now: Date): IndexRelease {
  const indexVersion = Math.max(current.indexVersion, publishedVersion ?? 0) + 1;
  if (!Number.isSafeInteger(indexVersion) || indexVersion > MAX_INDEX_VERSION)
    throw new Error(`the next index version would be ${indexVersion}, past the most an index may have (${MAX_INDEX_VERSION})`);
  return { indexVersion, generatedAt: now.toISOString() };
}

/** The published copy's version, from its manifest.json; undefined when nothing is published yet. */
export function publishedVersion(manifestPath: string | undefined): number | undefined {
  if (manifestPath === undefined || !existsSync(manifestPath)) return undefined;
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  if (!manifest.ok) throw new Error(`${manifestPath}: ${manifest.reason}`);
  return manifest.value.indexVersion;
}

function main(argv: string[]): void {
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at < 0 ? undefined : argv[at + 1];
  };
  const releasePath = option('release') ?? 'data/index-release.json';
  const current = JSON.parse(readFileSync(releasePath, 'utf8')) as IndexRelease;
  const next = nextIndexRelease(current, publishedVersion(option('published')), new Date());
  writeFileSync(releasePath, `{ "indexVersion": ${next.indexVersion}, "generatedAt": "${next.generatedAt}" }\n`);
  console.error(`${releasePath}: index version ${current.indexVersion} -> ${next.indexVersion}`);
}

// Run as a script (not when a test imports the functions above); one line on failure, no stack trace.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`next-index-release: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

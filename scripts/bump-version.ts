/**
 * `npm run version:bump -- <major|minor|patch>`: raises the extension's version in package.json
 * (WXT writes it into the manifests) and CITATION.cff, and opens a CHANGELOG entry for it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const part = process.argv[2];
if (part !== 'major' && part !== 'minor' && part !== 'patch') {
  console.error('usage: npm run version:bump -- major|minor|patch');
  process.exit(1);
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const [major = 0, minor = 0, patch = 0] = pkg.version.split('.').map(Number);
const next = part === 'major' ? `${major + 1}.0.0` : part === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
writeFileSync('package.json', readFileSync('package.json', 'utf8').replace(`"version": "${pkg.version}"`, `"version": "${next}"`));
// The citation names the version people cite (issue 21): it moves with the package.
// Its preferred citation, the dataset, names the index version bundled at this release (issue 28).
const { indexVersion } = JSON.parse(readFileSync('assets/index.json', 'utf8')) as { indexVersion: number };
writeFileSync(
  'CITATION.cff',
  readFileSync('CITATION.cff', 'utf8')
    .replace(`\nversion: ${pkg.version}\n`, `\nversion: ${next}\n`)
    .replace(/\n {2}version: "\d+"\n/, `\n  version: "${indexVersion}"\n`),
);
const changelog = readFileSync('CHANGELOG.md', 'utf8');
writeFileSync('CHANGELOG.md', changelog.replace(/\n## /, `\n## ${next} (unreleased)\n\n- \n\n## `));
console.log(`${pkg.version} -> ${next}`);

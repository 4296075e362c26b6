/**
 * `tsx scripts/pages-address.ts`: prints the folder URL a release build refreshes its index from
 * (the repository's GitHub Pages site, scripts/build-defaults.ts), for the refresh workflow, which
 * publishes there and reads the copy published before from there (issue 21).
 */
import { readFileSync } from 'node:fs';
import { buildDefaults } from './build-defaults';

const { indexSource } = buildDefaults({ ...process.env, NSL_RELEASE: '1' }, JSON.parse(readFileSync('package.json', 'utf8')));
if (indexSource === '') {
  console.error('pages-address: NSL_INDEX_SOURCE is set to "": this build has no index source');
  process.exit(1);
}
console.log(indexSource);

/** Where the build puts the bundled index inside the extension (copied from assets/index.json). */
export const BUNDLED_INDEX_FILE = 'index.json';

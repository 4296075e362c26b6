/**
 * The layering of NHS Social Lens, checked in `npm run check` (issue 18). Lower folders never
 * import higher ones; the README's "Layout" section draws the same picture.
 *
 *   entrypoints/                      thin WXT entry files
 *   lib/cli/  lib/browser/  lib/ui/   the three shells: Node, extension APIs, lit elements
 *   lib/index-build/                  the data pipeline (command line only)
 *   lib/corrections/ dashboard/ survey/ collect/ discover/ observe/ refresh/ settings.ts user-data.ts ...
 *   lib/detect/  lib/metrics/         pages and figures
 *   lib/index/                        the model: schema, validate, lookup, keys
 *   lib/social/                       platforms and profile addresses
 *   lib/net/                          host names, capped downloads, Retry-After (no dependencies)
 */
const PURE =
  '^lib/(net|social|index|index-build|detect|metrics|corrections|collect|discover|observe|refresh|dashboard|survey|research-log|settings|user-data|format)';

/**
 * [folder, the folders it must never import, optionally the folders the first excepts]: each line is
 * one arrow that must not run upward.
 */
const LAYERS = [
  ['^lib/net/', '^lib/(?!net/)'],
  ['^lib/social/', '^lib/(?!social/|net/)'],
  ['^lib/index/', '^lib/(?!index/|social/|net/)'],
  ['^lib/(detect|metrics)/', '^lib/(?!index/|social/|net/|detect/|metrics/)'],
  ['^lib/index-build/', '^lib/(browser|ui|cli)/'],
  // Except the pipeline itself, whose modules import one another: its own line is the one above.
  [PURE, '^lib/(browser|ui|cli|index-build)/', '^lib/index-build/'],
  ['^lib/browser/', '^lib/(ui|cli|index-build)/'],
  ['^lib/ui/', '^lib/(cli|index-build)/|^lib/browser/(?!messaging|client)'],
  ['^lib/cli/', '^lib/(browser|ui)/'],
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: modules that cannot be understood, tested or loaded one without the other.',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.map(([from, to, except], i) => ({
      name: `layer-${i + 1}`,
      severity: 'error',
      comment: `${from} sits below ${to}: a lower layer never imports a higher one.`,
      from: except ? { path: from, pathNot: except } : { path: from },
      to: { path: to },
    })),
    {
      name: 'pure-lib-no-node',
      severity: 'error',
      comment: 'Pure logic runs in the browser too: no Node built-ins outside lib/cli and the build scripts.',
      from: { path: '^lib/(?!cli/)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-lib-no-browser-apis',
      severity: 'error',
      comment: 'Only lib/browser and lib/ui touch extension APIs (wxt/browser, the polyfill).',
      from: { path: PURE },
      to: { path: '^(node_modules/)?(wxt|webextension-polyfill|@wxt-dev)' },
    },
    {
      name: 'entrypoints-are-leaves',
      severity: 'error',
      comment: 'Nothing imports an entry file: logic lives in lib/.',
      from: {},
      to: { path: '^entrypoints/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(\\.wxt|\\.output|node_modules)/' },
  },
};

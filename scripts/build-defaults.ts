/**
 * Where a build of the extension points by default (issue 21). A release build (`npm run zip`, the
 * release workflow: both set NSL_RELEASE=1) refreshes its index from the repository's GitHub Pages
 * site, where the weekly refresh workflow publishes it. Every other build (`wxt`, `wxt build`,
 * `npm test`, the browser tests' variants) has no index source, so no development or test build ever
 * asks a real host. Every build knows the repository, for volunteers' prefilled correction issues
 * (issue 30): a link the user opens with a click, never a request of the extension's own.
 * NSL_INDEX_SOURCE and NSL_REPOSITORY_URL, when set (even to ""), win in both.
 */

/**
 * The project's GitHub repository ("owner/name"), used by a release built outside GitHub Actions when
 * package.json names no repository. package.json names the same one (npm's provenance checks it,
 * issue 28), and the Firefox add-on id (`nhs-social-lens@nhs-social-lens.github.io`) this Pages
 * host. A fork changes this line and package.json's `repository`.
 */
export const PROJECT_REPOSITORY = 'nhs-social-lens/nhs-social-lens';

export interface BuildDefaults {
  /** The published index's folder URL ("" for none). */
  indexSource: string;
  /** The repository's web address, for prefilled correction issues ("" for none). */
  repositoryUrl: string;
}

/** GitHub's own rule for owner and repository names: letters, digits, `-`, `_` and `.`. */
const REPOSITORY = /^([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+)$/;

/**
 * "owner/name" from package.json's `repository`: "owner/name", "github:owner/name", or a GitHub URL
 * (also `git+https://…/name.git`), as a string or as `{ url }`. Anything else is not read.
 */
export function repositoryFromPackage(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null && 'url' in repository && typeof repository.url === 'string'
        ? repository.url
        : undefined;
  if (raw === undefined) return undefined;
  const match = /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)?([A-Za-z0-9-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
    raw.trim(),
  );
  return match?.[1];
}

/**
 * The GitHub Pages address of a repository ("owner/name"), as a folder URL: a user or organisation
 * site (`owner.github.io`) is served at the root, any other repository under `/name/`.
 */
export function pagesAddress(repository: string): string {
  const match = REPOSITORY.exec(repository);
  if (!match) throw new Error(`not a GitHub repository "owner/name": "${repository}"`);
  const owner = (match[1] ?? '').toLowerCase();
  const name = match[2] ?? '';
  return name.toLowerCase() === `${owner}.github.io` ? `https://${owner}.github.io/` : `https://${owner}.github.io/${name}/`;
}

/**
 * The repository a build points at: GITHUB_REPOSITORY in a GitHub Actions run (so a fork's release
 * points at the fork's own site), else package.json's `repository`, else PROJECT_REPOSITORY.
 */
export function releaseRepository(env: Readonly<Record<string, string | undefined>>, packageJson: { repository?: unknown }): string {
  const fromActions = env.GITHUB_REPOSITORY;
  if (fromActions !== undefined && REPOSITORY.test(fromActions)) return fromActions;
  return repositoryFromPackage(packageJson.repository) ?? PROJECT_REPOSITORY;
}

/** What a build points at by default, from its environment and package.json (see the file's comment). */
export function buildDefaults(env: Readonly<Record<string, string | undefined>>, packageJson: { repository?: unknown }): BuildDefaults {
  const repository = releaseRepository(env, packageJson);
  return {
    indexSource: env.NSL_INDEX_SOURCE ?? (env.NSL_RELEASE === '1' ? pagesAddress(repository) : ''),
    repositoryUrl: env.NSL_REPOSITORY_URL ?? `https://github.com/${repository}`,
  };
}

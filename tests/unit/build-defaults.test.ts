import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDefaults, PROJECT_REPOSITORY, pagesAddress, repositoryFromPackage } from '../../scripts/build-defaults';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { repository?: unknown; scripts: Record<string, string> };

describe('the default index source a build points at (issue 21)', () => {
  it('development and test builds have no index source, even inside GitHub Actions', () => {
    expect(buildDefaults({}, packageJson).indexSource).toBe('');
    expect(buildDefaults({ GITHUB_REPOSITORY: 'someone/nhs-social-lens' }, packageJson).indexSource).toBe('');
    expect(buildDefaults({ NSL_RELEASE: '0' }, packageJson).indexSource).toBe('');
  });

  it('every build knows the project’s repository, so a volunteer’s correction always has an issue link (issue 30)', () => {
    const project = `https://github.com/${PROJECT_REPOSITORY}`;
    expect(buildDefaults({}, packageJson).repositoryUrl).toBe(project);
    expect(buildDefaults({ NSL_RELEASE: '0' }, packageJson).repositoryUrl).toBe(project);
    expect(buildDefaults({}, {}).repositoryUrl).toBe(project);
    // A fork's development build in its own Actions run opens issues on the fork.
    expect(buildDefaults({ GITHUB_REPOSITORY: 'someone/nhs-social-lens' }, packageJson).repositoryUrl).toBe(
      'https://github.com/someone/nhs-social-lens',
    );
  });

  it('a release in GitHub Actions points at that repository’s Pages site and the repository', () => {
    expect(buildDefaults({ NSL_RELEASE: '1', GITHUB_REPOSITORY: 'NHS-Lens/Social-Lens' }, packageJson)).toEqual({
      indexSource: 'https://nhs-lens.github.io/Social-Lens/',
      repositoryUrl: 'https://github.com/NHS-Lens/Social-Lens',
    });
  });

  it('a build outside Actions reads package.json’s repository, else the project’s own', () => {
    expect(buildDefaults({ NSL_RELEASE: '1' }, { repository: { type: 'git', url: 'git+https://github.com/a-b/c.d.git' } })).toEqual({
      indexSource: 'https://a-b.github.io/c.d/',
      repositoryUrl: 'https://github.com/a-b/c.d',
    });
    // package.json names the project's repository (npm's provenance checks it, issue 28): the same
    // as the documented constant, which decides where package.json names none.
    expect(repositoryFromPackage(packageJson.repository)).toBe(PROJECT_REPOSITORY);
    expect(buildDefaults({ NSL_RELEASE: '1' }, { ...packageJson, repository: undefined })).toEqual({
      indexSource: `${pagesAddress(PROJECT_REPOSITORY)}`,
      repositoryUrl: `https://github.com/${PROJECT_REPOSITORY}`,
    });
    expect(buildDefaults({ NSL_RELEASE: '1' }, packageJson)).toEqual({
      indexSource: `${pagesAddress(PROJECT_REPOSITORY)}`,
      repositoryUrl: `https://github.com/${PROJECT_REPOSITORY}`,
    });
    expect(pagesAddress(PROJECT_REPOSITORY)).toBe('https://nhs-social-lens.github.io/nhs-social-lens/');
  });

  it('NSL_INDEX_SOURCE and NSL_REPOSITORY_URL win in every build, an empty one too', () => {
    const env = { NSL_INDEX_SOURCE: 'https://mirror.example.ac.uk/nsl/', NSL_REPOSITORY_URL: 'https://example.org/r' };
    expect(buildDefaults(env, packageJson)).toEqual({ indexSource: env.NSL_INDEX_SOURCE, repositoryUrl: env.NSL_REPOSITORY_URL });
    expect(buildDefaults({ ...env, NSL_RELEASE: '1', GITHUB_REPOSITORY: 'a/b' }, packageJson).indexSource).toBe(env.NSL_INDEX_SOURCE);
    expect(buildDefaults({ NSL_RELEASE: '1', NSL_INDEX_SOURCE: '' }, packageJson).indexSource).toBe('');
  });

  it('only `npm run zip` builds a release: dev, build and test builds do not', () => {
    const { scripts } = packageJson;
    expect(scripts.zip).toBe('NSL_RELEASE=1 wxt zip && NSL_RELEASE=1 wxt zip -b firefox');
    for (const name of ['dev', 'build', 'build:firefox', 'test', 'test:e2e', 'bench']) expect(scripts[name]).not.toContain('NSL_RELEASE');
  });

  it('a user or organisation site is served at the root', () => {
    expect(pagesAddress('Lens/lens.github.io')).toBe('https://lens.github.io/');
    expect(() => pagesAddress('not a repository')).toThrow('not a GitHub repository');
  });

  it.each([
    ['owner/name', 'owner/name'],
    ['github:owner/name', 'owner/name'],
    ['https://github.com/owner/name', 'owner/name'],
    ['https://github.com/owner/name.git', 'owner/name'],
    ['git@github.com:owner/name.git', 'owner/name'],
    ['https://gitlab.com/owner/name', undefined],
    ['gitlab:owner/name', undefined],
    [42, undefined],
    [{ url: 7 }, undefined],
  ])('reads package.json’s repository %j as %j', (repository, expected) => {
    expect(repositoryFromPackage(repository)).toBe(expected);
  });

  it('any GitHub repository gives an https folder URL on github.io, whose origin a manifest can name', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_.-]{1,30}$/).filter((n) => n !== '.' && n !== '..');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,39}$/), name, (owner, repo) => {
        const url = new URL(pagesAddress(`${owner}/${repo}`));
        expect(url.protocol).toBe('https:');
        expect(url.hostname).toBe(`${owner.toLowerCase()}.github.io`);
        expect(url.pathname.endsWith('/')).toBe(true);
        expect(url.search + url.hash).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

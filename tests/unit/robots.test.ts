import { describe, expect, it } from 'vitest';
import { ROBOTS_TOKEN } from '../../lib/cli/user-agent';
import { parseRobots, productToken } from '../../lib/discover/robots';

const userAgentOf = (version: string) => `${ROBOTS_TOKEN}/${version} (open-source research tool; respects robots.txt)`;

const ROBOTS = `
# comments are ignored
User-agent: *
Disallow: /private
Allow: /private/public
Disallow: /*.pdf$
Disallow:

User-agent: BadBot
User-agent: OtherBot
Disallow: /

User-agent: NHSSocialLens
Disallow: /search
`;

describe('parseRobots', () => {
  it.each([
    ['SomeCrawler', '/', true],
    ['SomeCrawler', '/private/page', false],
    ['SomeCrawler', '/private/public/page', true],
    ['SomeCrawler', '/files/report.pdf', false],
    ['SomeCrawler', '/files/report.pdf?x=1', true],
    ['BadBot/2.0', '/anything', false],
    ['otherbot', '/anything', false],
    ['NHSSocialLens/0.1.0 (research)', '/private/page', true],
    ['NHSSocialLens/0.1.0 (research)', '/search?q=x', false],
  ])('for %s, %s is allowed: %s', (agent, path, allowed) => {
    expect(parseRobots(ROBOTS, agent).isAllowed(path)).toBe(allowed);
  });

  it('allows everything when the file is empty or has no group for anyone', () => {
    expect(parseRobots('', 'NHSSocialLens').isAllowed('/x')).toBe(true);
    expect(parseRobots('User-agent: BadBot\nDisallow: /', 'NHSSocialLens').isAllowed('/x')).toBe(true);
  });
});

/** Which group applies to our product token (RFC 9309 §2.2.1): exact token, case-insensitive, else `*` (issue 17). */
describe('parseRobots group matching', () => {
  const disallowedFor = (text: string) => !parseRobots(text, ROBOTS_TOKEN).isAllowed('/page');
  it.each([
    ['our exact token', true, 'User-agent: NHSSocialLens\nDisallow: /\n'],
    ['our token in another case', true, 'User-agent: nhssociallens\nDisallow: /\n'],
    ['our token with a version', true, 'User-agent: NHSSocialLens/2.0\nDisallow: /\n'],
    ['a partial token', false, 'User-agent: NHS\nDisallow: /\n'],
    ['a token that only starts with ours', false, 'User-agent: NHSSocialLensBeta\nDisallow: /\n'],
    ['an empty user-agent', false, 'User-agent:\nDisallow: /\n'],
    ['an empty user-agent before *', false, 'User-agent:\nDisallow: /\n\nUser-agent: *\nAllow: /\n'],
    ['our token among several in one group', true, 'User-agent: BadBot\nUser-agent: NHSSocialLens\nDisallow: /\n'],
    ['agent lines split by a Sitemap line', true, 'User-agent: NHSSocialLens\nSitemap: /s.xml\nUser-agent: BadBot\nDisallow: /\n'],
    ['our group, not the * group', false, 'User-agent: *\nDisallow: /\n\nUser-agent: NHSSocialLens\nAllow: /\n'],
    ['the * group when none is ours', true, 'User-agent: BadBot\nAllow: /\n\nUser-agent: *\nDisallow: /\n'],
    ['a * with a comment', true, 'User-agent: * # everyone\nDisallow: /\n'],
    ['no group for anyone', false, 'Disallow: /\n'],
    ['old Mac line ends', true, 'User-agent: NHSSocialLens\rDisallow: /\r'],
    ['a byte order mark', true, '\uFEFFUser-agent: NHSSocialLens\nDisallow: /\n'],
  ])('%s → disallowed: %s', (_label, disallowed, text) => {
    expect(disallowedFor(text)).toBe(disallowed);
  });

  it('merges every group for our token, and every * group, as the RFC says', () => {
    const text = 'User-agent: NHSSocialLens\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\nUser-agent: nhssociallens\nDisallow: /b\n';
    const ours = parseRobots(text, ROBOTS_TOKEN);
    expect([ours.isAllowed('/a'), ours.isAllowed('/b'), ours.isAllowed('/c')]).toEqual([false, false, true]);
    const theirs = parseRobots('User-agent: *\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n', ROBOTS_TOKEN);
    expect([theirs.isAllowed('/a'), theirs.isAllowed('/b'), theirs.isAllowed('/c')]).toEqual([false, false, true]);
  });

  it('cuts a full User-Agent to its product token', () => {
    expect(productToken(userAgentOf('0.1.0'))).toBe('nhssociallens');
    expect(parseRobots('User-agent: NHS\nDisallow: /\n', userAgentOf('0.1.0')).isAllowed('/x')).toBe(true);
  });

  it('matches a hostile pattern in linear time', () => {
    const started = performance.now();
    // A regular expression took about 2 s on this (and hours with a few more stars); the scan takes well under 1 ms.
    const rules = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(3)}*b\n`, ROBOTS_TOKEN);
    expect(rules.isAllowed(`/${'a'.repeat(400)}`)).toBe(true);
    expect(rules.isAllowed(`/${'a'.repeat(400)}b`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(300);
  });
});

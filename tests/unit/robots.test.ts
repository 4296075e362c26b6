import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../lib/discover/robots';

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
